using System.Numerics;
using Livepeer.Payments;

namespace Livepeer.Grains.Payments;

/// <summary>How the gateway pays orchestrators. Section <c>Livepeer:Gateway:Payments</c>.</summary>
public sealed class SenderPaymentOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Livepeer:Gateway:Payments";

    /// <summary>
    /// The gateway's signing key: a file with a 0x-hex private key, or a JSON keystore as go-livepeer and geth write
    /// them. Empty (default): a new key per start, logged with its address; right for the embedded default only, since
    /// credit at orchestrators belongs to the address.
    /// </summary>
    public string KeyFile { get; set; } = "";

    /// <summary>Password of a keystore <see cref="KeyFile"/>. Default empty.</summary>
    public string KeyPassword { get; set; } = "";

    /// <summary>File holding that password (for Kubernetes secrets); used when <see cref="KeyPassword"/> is empty. Default empty.</summary>
    public string KeyPasswordFile { get; set; } = "";

    /// <summary>Highest expected value of one ticket in wei (<c>-maxTicketEV</c>). Default 3,000,000,000,000.</summary>
    public decimal MaxTicketExpectedValue { get; set; } = 3_000_000_000_000m;

    /// <summary>Highest expected value of one payment in wei (<c>-maxTotalEV</c>). Default 20,000,000,000,000.</summary>
    public decimal MaxTotalExpectedValue { get; set; } = 20_000_000_000_000m;

    /// <summary>A ticket's face value may be at most deposit / this (<c>-depositMultiplier</c>). Default 1.</summary>
    public int DepositMultiplier { get; set; } = 1;

    /// <summary>Ticket parameters are replaced when they have this many L1 blocks left, before orchestrators refuse them. Default 3.</summary>
    public int RefreshBlocks { get; set; } = 3;

    /// <summary>How long the gateway's own on-chain deposit is trusted before it is read again. Default 5 s.</summary>
    public TimeSpan FundsCacheTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The limits these options describe.</summary>
    public SenderLimits Limits() => new()
    {
        MaxTicketExpectedValue = new BigInteger(MaxTicketExpectedValue),
        MaxTotalExpectedValue = new BigInteger(MaxTotalExpectedValue),
        DepositMultiplier = DepositMultiplier,
    };
}
