using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>An orchestrator's winning tickets: waiting, and what became of the recent ones. Wei amounts are decimal text.</summary>
/// <param name="Recipient">The orchestrator.</param>
/// <param name="Configured">False when no chain is configured: tickets are kept, and redemption is reported as not configured.</param>
/// <param name="Pending">Tickets waiting (for their parameters to expire, for sender funds, or for a retry).</param>
/// <param name="Recent">The latest outcomes, newest last (at most 1,000 are kept).</param>
/// <param name="Redeemed">Tickets this orchestrator redeemed.</param>
/// <param name="RedeemedFaceValue">Their face values in total.</param>
/// <param name="Transferred">What the contract paid for them in total (less than the face values when a sender ran dry).</param>
[GenerateSerializer, Immutable, Alias("livepeer.redemption-status")]
public sealed record RedemptionStatus(
    [property: Id(0)] string Recipient,
    [property: Id(1)] bool Configured,
    [property: Id(2)] ImmutableArray<PendingRedemption> Pending,
    [property: Id(3)] ImmutableArray<RedemptionRecord> Recent,
    [property: Id(4)] long Redeemed,
    [property: Id(5)] string RedeemedFaceValue,
    [property: Id(6)] string Transferred);

/// <summary>A winning ticket waiting for redemption.</summary>
/// <param name="TicketHash">0x hex of the ticket hash.</param>
/// <param name="Sender">Who signed it.</param>
/// <param name="FaceValue">Wei, decimal text.</param>
/// <param name="ParamsExpirationBlock">Not redeemed before this L1 block.</param>
/// <param name="Attempts">Redemption attempts so far.</param>
/// <param name="LastError">Why the last attempt did not redeem it, e.g. "insufficient sender funds for redeem tx cost".</param>
[GenerateSerializer, Immutable, Alias("livepeer.pending-redemption")]
public sealed record PendingRedemption(
    [property: Id(0)] string TicketHash,
    [property: Id(1)] string Sender,
    [property: Id(2)] string FaceValue,
    [property: Id(3)] long ParamsExpirationBlock,
    [property: Id(4)] int Attempts,
    [property: Id(5)] string? LastError);

/// <summary>How a winning ticket ended.</summary>
public enum RedemptionOutcome
{
    /// <summary>Redeemed by this orchestrator's transaction.</summary>
    Redeemed = 0,

    /// <summary>Already used on chain (redeemed before, e.g. by a transaction sent just before a crash); not retried.</summary>
    AlreadyUsed = 1,

    /// <summary>Its creation round left the validity window (2 rounds) before it could be redeemed.</summary>
    Expired = 2,

    /// <summary>Refused for good ("transaction failed", a round without a block hash).</summary>
    Failed = 3,
}

/// <summary>What became of one winning ticket.</summary>
/// <param name="TicketHash">0x hex of the ticket hash.</param>
/// <param name="Sender">Who signed it.</param>
/// <param name="FaceValue">Wei, decimal text.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="TransactionHash">The redeeming transaction, when there was one.</param>
/// <param name="Transferred">Wei paid, decimal text.</param>
/// <param name="Detail">The contract's reason or the error, when it was not redeemed.</param>
/// <param name="At">When.</param>
[GenerateSerializer, Immutable, Alias("livepeer.redemption-record")]
public sealed record RedemptionRecord(
    [property: Id(0)] string TicketHash,
    [property: Id(1)] string Sender,
    [property: Id(2)] string FaceValue,
    [property: Id(3)] RedemptionOutcome Outcome,
    [property: Id(4)] string? TransactionHash,
    [property: Id(5)] string Transferred,
    [property: Id(6)] string? Detail,
    [property: Id(7)] DateTimeOffset At);
