using System.Numerics;

namespace Livepeer.Payments;

/// <summary>The gateway's limits on what it will pay per ticket and per payment (go-livepeer's defaults).</summary>
public sealed record SenderLimits
{
    /// <summary><c>-maxTicketEV</c>: 3,000,000,000,000 wei.</summary>
    public BigInteger MaxTicketExpectedValue { get; init; } = 3_000_000_000_000;

    /// <summary><c>-maxTotalEV</c> per payment: 20,000,000,000,000 wei.</summary>
    public BigInteger MaxTotalExpectedValue { get; init; } = 20_000_000_000_000;

    /// <summary><c>-depositMultiplier</c>: the face value may be at most deposit / this.</summary>
    public int DepositMultiplier { get; init; } = 1;
}

/// <summary>
/// The gateway's checks of an orchestrator's ticket parameters before paying with them, in go-livepeer's order and
/// with its messages (payments-pm.md §3.4); the on-chain check of the gateway's own deposit comes from the caller.
/// </summary>
public static class TicketParamsCheck
{
    /// <summary>The problem with paying <paramref name="tickets"/> tickets on <paramref name="parameters"/>, or null when fine.</summary>
    /// <param name="parameters">The orchestrator's parameters.</param>
    /// <param name="tickets">How many tickets the payment would hold.</param>
    /// <param name="lastSeenL1Block">The latest L1 block.</param>
    /// <param name="deposit">The gateway's deposit on chain (null when not known, e.g. without a chain).</param>
    /// <param name="limits">The gateway's limits.</param>
    public static string? Problem(PaymentTicketParams? parameters, int tickets, BigInteger lastSeenL1Block, BigInteger? deposit, SenderLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (parameters is null)
            return "ticketParams is nil";
        if (parameters.ExpirationBlock.IsZero)
            return "ticketParams expiration block is 0";
        if (parameters.ExpirationBlock - lastSeenL1Block <= 1)
            return "TicketParams expired";

        var ev = Wei.ExpectedValue(parameters.FaceValue, parameters.WinProb);
        if (ev <= Wei.Zero)
            return null;
        if (ev >= Wei.Of(parameters.FaceValue))
            return $"ticket faceValue too low faceValue={parameters.FaceValue}";
        if (ev > Wei.Of(limits.MaxTicketExpectedValue))
            return $"ticket EV {ev.Floor()} > max ticket EV {limits.MaxTicketExpectedValue}";
        if (ev * tickets > Wei.Of(limits.MaxTotalExpectedValue))
            return $"total ticket EV {ev.Floor() * tickets} for {tickets} tickets > max total ticket EV {limits.MaxTotalExpectedValue}";
        if (deposit is { } funds && parameters.FaceValue > funds / limits.DepositMultiplier)
            return $"ticket faceValue {parameters.FaceValue} > max faceValue {funds / limits.DepositMultiplier}";
        return null;
    }
}
