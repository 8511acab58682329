using Livepeer.Contracts;

namespace Livepeer.Grains.Payments;

/// <summary>The gateway's handle on its payment senders: one per orchestrator, all under this gateway's address.</summary>
public sealed class GatewayPayments(IGrainFactory grains, SenderAccount account)
{
    /// <summary>The gateway's address.</summary>
    public string Sender { get; } = TicketWire.KeyOf(account.Address);

    /// <summary>The sender grain paying <paramref name="orchestrator"/> (a lower-case 0x address).</summary>
    public IPaymentSenderGrain For(string orchestrator) => grains.GetGrain<IPaymentSenderGrain>($"{Sender}/{orchestrator}");
}
