using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>
/// An orchestrator's redemption queue, keyed by its address: winning tickets are persisted on arrival and redeemed
/// through the TicketBroker once their parameters expire and within their round window, never twice; failures are
/// retried with backoff, and a reminder brings the queue back after a restart.
/// </summary>
[Alias("livepeer.redemption")]
public interface IRedemptionGrain : IGrainWithStringKey
{
    /// <summary>Persists winning tickets (a ticket already known is ignored).</summary>
    [Alias("queue")]
    Task QueueAsync(ImmutableArray<WinningTicket> tickets, CancellationToken cancellationToken = default);

    /// <summary>Runs one redemption pass now (the grain also runs one every poll interval while tickets wait).</summary>
    [Alias("redeem-due")]
    Task RedeemDueAsync(CancellationToken cancellationToken = default);

    /// <summary>Face values of <paramref name="sender"/>'s tickets still waiting, in wei (decimal text): money not yet claimed from its funds.</summary>
    [Alias("pending-face-value")]
    Task<string> PendingFaceValueAsync(string sender, CancellationToken cancellationToken = default);

    /// <summary>The queue and recent outcomes.</summary>
    [Alias("status")]
    Task<RedemptionStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
