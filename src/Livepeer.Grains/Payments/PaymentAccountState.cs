namespace Livepeer.Grains.Payments;

/// <summary>What an orchestrator keeps of one sender across restarts: the rand secret, balances, nonces seen, counters.</summary>
[GenerateSerializer, Alias("livepeer.payment-account-state")]
internal sealed class PaymentAccountState
{
    /// <summary>The HMAC secret the sender's recipient rands are derived under; kept so parameters issued before a restart still validate.</summary>
    [Id(0)]
    public byte[] Secret { get; set; } = [];

    /// <summary>Credit per capability, exact wei text (<c>n</c> or <c>n/d</c>).</summary>
    [Id(1)]
    public Dictionary<string, string> Balances { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Nonces seen per recipient rand, until its parameters expire.</summary>
    [Id(2)]
    public List<NonceRecord> Nonces { get; set; } = [];

    [Id(3)]
    public long TicketsAccepted { get; set; }

    [Id(4)]
    public long TicketsRefused { get; set; }

    [Id(5)]
    public long WinningTickets { get; set; }

    [Id(6)]
    public string Credited { get; set; } = "0";

    [Id(7)]
    public string Debited { get; set; } = "0";
}

/// <summary>
/// The nonces seen for one recipient rand (its 32 bytes), forgotten after <see cref="ExpirationBlock"/>: all of
/// 1…<see cref="Contiguous"/> and <see cref="Others"/> (so a session's hundreds of nonces store as a few bytes).
/// </summary>
[GenerateSerializer, Immutable, Alias("livepeer.nonce-record")]
internal sealed record NonceRecord([property: Id(0)] byte[] Rand, [property: Id(1)] long ExpirationBlock, [property: Id(2)] uint[] Others, [property: Id(3)] uint Contiguous);
