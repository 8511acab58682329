using System.Numerics;

namespace Livepeer.Payments;

/// <summary>The creation round and its block hash that go in a ticket's auxData (<c>net.TicketExpirationParams</c>).</summary>
/// <param name="CreationRound">The round.</param>
/// <param name="CreationRoundBlockHash">Its block hash, 32 bytes (empty when absent on the wire).</param>
public sealed record ExpirationParams(long CreationRound, byte[] CreationRoundBlockHash);

/// <summary>One ticket's own part of a payment (<c>net.TicketSenderParams</c>).</summary>
/// <param name="SenderNonce">The ticket's nonce.</param>
/// <param name="Signature">Its 65-byte signature.</param>
public sealed record SenderParams(uint SenderNonce, byte[] Signature);

/// <summary>A price (<c>net.PriceInfo</c>): <paramref name="PricePerUnit"/> wei per <paramref name="PixelsPerUnit"/> units.</summary>
/// <param name="PricePerUnit">Wei per unit.</param>
/// <param name="PixelsPerUnit">Units the price is for.</param>
/// <param name="Capability">The capability priced (0 when general).</param>
/// <param name="Constraint">The capability's constraint, e.g. a model id.</param>
public sealed record PriceInfo(long PricePerUnit, long PixelsPerUnit, uint Capability = 0, string Constraint = "");

/// <summary>The parameters tickets are made from, as the recipient issued them (<c>net.TicketParams</c>).</summary>
public sealed record PaymentTicketParams
{
    /// <summary>The orchestrator.</summary>
    public required EthAddress Recipient { get; init; }

    /// <summary>Face value in wei.</summary>
    public required BigInteger FaceValue { get; init; }

    /// <summary>Win probability over 2^256 − 1.</summary>
    public required BigInteger WinProb { get; init; }

    /// <summary>keccak256 of the recipient's rand (32 bytes).</summary>
    public required byte[] RecipientRandHash { get; init; }

    /// <summary>The recipient's seed for deriving its rand.</summary>
    public required BigInteger Seed { get; init; }

    /// <summary>The L1 block after which these parameters are no longer accepted.</summary>
    public required BigInteger ExpirationBlock { get; init; }

    /// <summary>Set by the orchestrator when it issues the parameters; gateways leave it out of payments.</summary>
    public ExpirationParams? Expiration { get; init; }
}

/// <summary>
/// What the <c>Livepeer-Payment</c> header carries (<c>net.Payment</c>): the ticket parameters echoed back, the sender,
/// the expiration parameters shared by the tickets, one nonce and signature per ticket, and the price the sender saw.
/// </summary>
public sealed record Payment
{
    /// <summary>Absent for a zero-price payment.</summary>
    public PaymentTicketParams? TicketParams { get; init; }

    /// <summary>The gateway's address.</summary>
    public required EthAddress Sender { get; init; }

    /// <summary>The creation round and block hash of every ticket in the payment.</summary>
    public ExpirationParams? Expiration { get; init; }

    /// <summary>One entry per ticket.</summary>
    public IReadOnlyList<SenderParams> Tickets { get; init; } = [];

    /// <summary>The orchestrator's price as the gateway last saw it.</summary>
    public PriceInfo? ExpectedPrice { get; init; }

    /// <summary>The full ticket number <paramref name="index"/> of this payment.</summary>
    public Ticket TicketAt(int index)
    {
        var parameters = TicketParams ?? throw new InvalidOperationException("A payment without ticket parameters carries no tickets.");
        return new Ticket
        {
            Recipient = parameters.Recipient,
            Sender = Sender,
            FaceValue = parameters.FaceValue,
            WinProb = parameters.WinProb,
            SenderNonce = Tickets[index].SenderNonce,
            RecipientRandHash = parameters.RecipientRandHash,
            CreationRound = Expiration?.CreationRound ?? 0,
            CreationRoundBlockHash = Expiration is { CreationRoundBlockHash.Length: 32 } e ? e.CreationRoundBlockHash : new byte[32],
        };
    }
}
