using System.Numerics;

namespace Livepeer.Payments;

/// <summary>How an orchestrator sizes the tickets it asks for (go-livepeer's defaults, payments-pm.md §3.3).</summary>
public sealed record TicketPolicy
{
    /// <summary>go-livepeer's <c>avgGasPrice</c> fallback: 3 gwei.</summary>
    public static readonly BigInteger AverageGasPrice = 3_000_000_000;

    /// <summary><c>-ticketEV</c>: the expected value of one ticket, 8,000,000,000 wei.</summary>
    public BigInteger TicketExpectedValue { get; init; } = 8_000_000_000;

    /// <summary>Gas a redemption costs: 1,200,000 on Arbitrum.</summary>
    public long RedeemGas { get; init; } = 1_200_000;

    /// <summary>Face value = redemption cost × this: 100.</summary>
    public int TxCostMultiplier { get; init; } = 100;

    /// <summary><c>-maxFaceValue</c>: a cap on the face value in wei; 0 (default) = none.</summary>
    public BigInteger MaxFaceValue { get; init; }

    /// <summary>L1 blocks the parameters stay valid: 40.</summary>
    public int ExpirationBlocks { get; init; } = 40;
}
