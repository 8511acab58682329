using Livepeer.Contracts;

namespace Livepeer.Grains.Payments;

/// <summary>An orchestrator's winning tickets across restarts: those waiting and the recent outcomes.</summary>
[GenerateSerializer, Alias("livepeer.redemption-state")]
internal sealed class RedemptionState
{
    [Id(0)]
    public List<QueuedTicket> Pending { get; set; } = [];

    /// <summary>Newest last, at most <see cref="RedemptionGrain.RecentLimit"/>.</summary>
    [Id(1)]
    public List<RedemptionRecord> Recent { get; set; } = [];

    [Id(2)]
    public long Redeemed { get; set; }

    /// <summary>Wei, decimal text.</summary>
    [Id(3)]
    public string RedeemedFaceValue { get; set; } = "0";

    /// <summary>Wei, decimal text.</summary>
    [Id(4)]
    public string Transferred { get; set; } = "0";
}

/// <summary>A winning ticket waiting, with its retry bookkeeping.</summary>
[GenerateSerializer, Alias("livepeer.queued-ticket")]
internal sealed class QueuedTicket
{
    [Id(0)]
    public required WinningTicket Ticket { get; init; }

    /// <summary>0x hex of the ticket hash.</summary>
    [Id(1)]
    public required string Hash { get; init; }

    [Id(2)]
    public int Attempts { get; set; }

    [Id(3)]
    public DateTimeOffset NextAttempt { get; set; }

    [Id(4)]
    public string? LastError { get; set; }
}
