using System.Numerics;

namespace Livepeer.Payments;

/// <summary>
/// A probabilistic micropayment ticket, the fields go-livepeer's <c>pm.Ticket</c> and the TicketBroker's <c>Ticket</c>
/// struct share. Its hash is keccak256 of the packed fields (recipient, sender, faceValue, winProb, senderNonce,
/// recipientRandHash, auxData), byte-identical to go-livepeer's <c>Ticket.Hash()</c> and the contract's <c>getTicketHash</c>.
/// </summary>
public sealed record Ticket
{
    private readonly byte[] recipientRandHash = new byte[32];
    private readonly byte[] creationRoundBlockHash = new byte[32];

    /// <summary>The orchestrator paid.</summary>
    public required EthAddress Recipient { get; init; }

    /// <summary>The gateway paying.</summary>
    public required EthAddress Sender { get; init; }

    /// <summary>Wei paid if the ticket wins.</summary>
    public required BigInteger FaceValue { get; init; }

    /// <summary>Win probability as a numerator over 2^256 − 1.</summary>
    public required BigInteger WinProb { get; init; }

    /// <summary>Unique per <see cref="RecipientRandHash"/>; widened to uint256 in the hash.</summary>
    public required uint SenderNonce { get; init; }

    /// <summary>keccak256 of the recipient's secret uint256, committed in the ticket parameters.</summary>
    public required byte[] RecipientRandHash
    {
        get => recipientRandHash;
        init => recipientRandHash = Exactly32(value, nameof(RecipientRandHash));
    }

    /// <summary>The round the parameters were made in (first half of auxData).</summary>
    public required long CreationRound { get; init; }

    /// <summary>That round's block hash (second half of auxData).</summary>
    public required byte[] CreationRoundBlockHash
    {
        get => creationRoundBlockHash;
        init => creationRoundBlockHash = Exactly32(value, nameof(CreationRoundBlockHash));
    }

    /// <summary>
    /// uint256(creationRound) ‖ creationRoundBlockHash, 64 bytes; empty when both are zero, as go-livepeer encodes it
    /// (such a ticket hashes differently and can never be redeemed: the contract wants 64 bytes).
    /// </summary>
    public byte[] AuxData()
    {
        if (CreationRound == 0 && CreationRoundBlockHash.All(b => b == 0))
            return [];
        ArgumentOutOfRangeException.ThrowIfNegative(CreationRound);
        return [.. UInt256.ToWord(CreationRound), .. CreationRoundBlockHash];
    }

    /// <summary>The packed preimage of <see cref="Hash"/>: 232 bytes, or 168 with empty auxData.</summary>
    public byte[] Preimage() =>
    [
        .. Recipient.Bytes, .. Sender.Bytes, .. UInt256.ToWord(FaceValue), .. UInt256.ToWord(WinProb),
        .. UInt256.ToWord(SenderNonce), .. RecipientRandHash, .. AuxData(),
    ];

    /// <summary>The ticket hash (Keccak-256, not NIST SHA3-256).</summary>
    public byte[] Hash() => Keccak256.Hash(Preimage());

    private static byte[] Exactly32(byte[] value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value.Length == 32 ? value : throw new ArgumentException($"{name} is 32 bytes, not {value.Length}.", name);
    }
}
