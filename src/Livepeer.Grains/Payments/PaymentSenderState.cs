namespace Livepeer.Grains.Payments;

/// <summary>What a gateway keeps of paying one orchestrator across restarts: its credit there and counters (wei as exact text).</summary>
[GenerateSerializer, Alias("livepeer.payment-sender-state")]
internal sealed class PaymentSenderState
{
    /// <summary>Credit per capability, <c>n</c> or <c>n/d</c> wei.</summary>
    [Id(0)]
    public Dictionary<string, string> Credit { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public long TicketsSent { get; set; }

    [Id(2)]
    public string ExpectedValueSent { get; set; } = "0";

    [Id(3)]
    public string FeesPaid { get; set; } = "0";

    [Id(4)]
    public long JobsPaid { get; set; }

    [Id(5)]
    public long JobsRefunded { get; set; }
}
