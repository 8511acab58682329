namespace Livepeer.Contracts;

/// <summary>A winning ticket waiting for redemption: the ticket, its signature and the revealed rand (numbers as unsigned big-endian bytes).</summary>
/// <param name="Recipient">The orchestrator paid (20 bytes).</param>
/// <param name="Sender">The gateway that signed (20 bytes).</param>
/// <param name="FaceValue">Wei it pays.</param>
/// <param name="WinProb">Its winning probability, scaled to 2^256−1.</param>
/// <param name="SenderNonce">The sender's nonce.</param>
/// <param name="RecipientRandHash">keccak256 of <paramref name="RecipientRand"/>.</param>
/// <param name="CreationRound">The round in its auxData.</param>
/// <param name="CreationRoundBlockHash">That round's block hash (32 bytes).</param>
/// <param name="Signature">The sender's 65-byte signature.</param>
/// <param name="RecipientRand">The rand revealed at redemption.</param>
/// <param name="ParamsExpirationBlock">L1 block at which its parameters expired; it is redeemed only after it.</param>
[GenerateSerializer, Immutable, Alias("livepeer.winning-ticket")]
public sealed record WinningTicket(
    [property: Id(0)] byte[] Recipient,
    [property: Id(1)] byte[] Sender,
    [property: Id(2)] byte[] FaceValue,
    [property: Id(3)] byte[] WinProb,
    [property: Id(4)] uint SenderNonce,
    [property: Id(5)] byte[] RecipientRandHash,
    [property: Id(6)] long CreationRound,
    [property: Id(7)] byte[] CreationRoundBlockHash,
    [property: Id(8)] byte[] Signature,
    [property: Id(9)] byte[] RecipientRand,
    [property: Id(10)] long ParamsExpirationBlock);
