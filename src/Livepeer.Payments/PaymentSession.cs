using Nethereum.Signer;

namespace Livepeer.Payments;

/// <summary>
/// The gateway's side of one set of ticket parameters from one orchestrator (go-livepeer's PM session, keyed by the
/// recipient rand hash): it checks the parameters once, then signs tickets with nonces 1, 2, 3… and packs them into
/// payments. New parameters mean a new session, so nonces restart at 1. Thread-safe: nonces are taken atomically.
/// </summary>
public sealed class PaymentSession
{
    private readonly EthECKey key;
    private readonly EthAddress sender;
    private int lastNonce;

    /// <summary>Starts a session on <paramref name="parameters"/> as the orchestrator issued them.</summary>
    public PaymentSession(EthECKey key, PaymentTicketParams parameters, ExpirationParams expiration, PriceInfo price)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(expiration);
        ArgumentNullException.ThrowIfNull(price);
        this.key = key;
        sender = EthAddress.Parse(key.GetPublicAddress());
        Parameters = parameters;
        Expiration = expiration;
        Price = price;
    }

    /// <summary>The parameters tickets are made from.</summary>
    public PaymentTicketParams Parameters { get; }

    /// <summary>The creation round and block hash every ticket carries.</summary>
    public ExpirationParams Expiration { get; }

    /// <summary>The price the orchestrator quoted, echoed in every payment.</summary>
    public PriceInfo Price { get; }

    /// <summary>Nonces used so far; the next ticket gets this plus one.</summary>
    public uint NoncesUsed => (uint)Volatile.Read(ref lastNonce);

    /// <summary>The expected value of one ticket, exactly: faceValue × winProb / (2^256 − 1).</summary>
    public Wei ExpectedValue => Wei.ExpectedValue(Parameters.FaceValue, Parameters.WinProb);

    /// <summary>A payment of <paramref name="tickets"/> freshly signed tickets (none for a free job).</summary>
    public Payment CreatePayment(int tickets)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tickets);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tickets, SenderNonceLedger.MaxNoncesPerRand);
        var signed = new SenderParams[tickets];
        for (var i = 0; i < tickets; i++)
        {
            var nonce = (uint)Interlocked.Increment(ref lastNonce);
            signed[i] = new SenderParams(nonce, TicketSignature.Sign(Ticket(nonce).Hash(), key));
        }

        return new Payment
        {
            TicketParams = Parameters with { Expiration = null },
            Sender = sender,
            Expiration = Expiration,
            Tickets = signed,
            ExpectedPrice = Price,
        };
    }

    private Ticket Ticket(uint nonce) => new()
    {
        Recipient = Parameters.Recipient,
        Sender = sender,
        FaceValue = Parameters.FaceValue,
        WinProb = Parameters.WinProb,
        SenderNonce = nonce,
        RecipientRandHash = Parameters.RecipientRandHash,
        CreationRound = Expiration.CreationRound,
        CreationRoundBlockHash = Expiration.CreationRoundBlockHash,
    };
}
