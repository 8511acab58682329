using System.Collections.Concurrent;
using Livepeer.Contracts;

namespace Livepeer.Grains.Payments;

/// <summary>The gateway's handle on its payment senders: one per orchestrator, all under this gateway's address.</summary>
public sealed class GatewayPayments(IGrainFactory grains, SenderAccount account)
{
    // References are kept: resolving one per request showed up in profiles of the paid job path.
    private readonly ConcurrentDictionary<string, IPaymentSenderGrain> senders = new(StringComparer.Ordinal);

    /// <summary>The gateway's address.</summary>
    public string Sender { get; } = TicketWire.KeyOf(account.Address);

    /// <summary>The sender grain paying <paramref name="orchestrator"/> (a lower-case 0x address).</summary>
    public IPaymentSenderGrain For(string orchestrator) =>
        senders.GetOrAdd(orchestrator, address => grains.GetGrain<IPaymentSenderGrain>($"{Sender}/{address}"));
}
