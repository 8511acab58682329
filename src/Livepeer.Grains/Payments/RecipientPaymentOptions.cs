using System.Numerics;
using Livepeer.Payments;

namespace Livepeer.Grains.Payments;

/// <summary>How an orchestrator prices tickets and redeems winners. Section <c>Livepeer:Orchestrator:Payments</c>.</summary>
public sealed class RecipientPaymentOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Livepeer:Orchestrator:Payments";

    /// <summary>Expected value of one ticket in wei (go-livepeer's <c>-ticketEV</c>). Default 8,000,000,000.</summary>
    public decimal TicketExpectedValue { get; set; } = 8_000_000_000m;

    /// <summary>Cap on a ticket's face value in wei (<c>-maxFaceValue</c>); 0 (default) = no cap.</summary>
    public decimal MaxFaceValue { get; set; }

    /// <summary>Face value = redemption gas cost × this. Default 100.</summary>
    public int TxCostMultiplier { get; set; } = 100;

    /// <summary>Gas one redemption costs. Default 1,200,000 (Arbitrum).</summary>
    public long RedeemGas { get; set; } = 1_200_000;

    /// <summary>L1 blocks ticket parameters stay valid. Default 40.</summary>
    public int ExpirationBlocks { get; set; } = 40;

    /// <summary>How often waiting winning tickets are looked at while any wait. Default 10 s.</summary>
    public TimeSpan RedeemInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait after a failed redemption attempt; doubled on each further failure. Default 30 s.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between attempts. Default 10 min.</summary>
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a sender's on-chain funds are trusted before they are read again. Default 5 s.</summary>
    public TimeSpan SenderFundsCacheTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The ticket sizing these options describe.</summary>
    public TicketPolicy Policy() => new()
    {
        TicketExpectedValue = new BigInteger(TicketExpectedValue),
        MaxFaceValue = new BigInteger(MaxFaceValue),
        TxCostMultiplier = TxCostMultiplier,
        RedeemGas = RedeemGas,
        ExpirationBlocks = ExpirationBlocks,
    };
}
