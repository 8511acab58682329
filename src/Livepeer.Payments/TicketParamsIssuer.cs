using System.Numerics;
using System.Security.Cryptography;

namespace Livepeer.Payments;

/// <summary>
/// The orchestrator's side of ticket parameters (payments-pm.md §3.2): a fresh seed, a face value worth redeeming
/// (redemption cost × multiplier, at least 100 EV, capped by what the sender's reserve guarantees this recipient and
/// by the operator's cap), the win probability that gives the target EV, expiry 40 L1 blocks ahead, the current
/// round in the auxData, and the commitment to the rand derived from all of it and the price.
/// </summary>
public static class TicketParamsIssuer
{
    private const int ExpectedValueMultiplier = 100;

    /// <summary>
    /// Parameters for <paramref name="sender"/> at <paramref name="price"/>, or null with go-livepeer's reason
    /// ("insufficient sender reserve") when the sender's funds cannot back a ticket worth redeeming.
    /// </summary>
    /// <param name="recipient">The orchestrator.</param>
    /// <param name="secret">Its rand secret.</param>
    /// <param name="sender">The gateway.</param>
    /// <param name="price">The price the parameters are bound to.</param>
    /// <param name="chain">The chain's clock now.</param>
    /// <param name="maxFloat">What the sender's reserve guarantees this recipient now; null when nothing limits it (off chain).</param>
    /// <param name="policy">The orchestrator's ticket sizing.</param>
    /// <param name="problem">Why no parameters were issued.</param>
    public static PaymentTicketParams? Issue(
        EthAddress recipient, ReadOnlySpan<byte> secret, EthAddress sender, PriceInfo price, ChainSnapshot chain,
        BigInteger? maxFloat, TicketPolicy policy, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(price);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(policy);
        if (price.PixelsPerUnit <= 0)
            throw new ArgumentOutOfRangeException(nameof(price), price.PixelsPerUnit, "A price's pixels per unit must be positive.");

        var ev = policy.TicketExpectedValue;
        var faceValue = BigInteger.Zero;
        if (price.PricePerUnit > 0)
        {
            var txCost = policy.RedeemGas * chain.GasPrice;
            faceValue = txCost * policy.TxCostMultiplier;
            if (faceValue < ev) faceValue = ev * ExpectedValueMultiplier;
            if (maxFloat is { } limit && faceValue > limit) faceValue = limit;
            if (policy.MaxFaceValue > 0 && faceValue > policy.MaxFaceValue) faceValue = policy.MaxFaceValue;
            if (faceValue < ev || (faceValue < txCost && faceValue < policy.RedeemGas * TicketPolicy.AverageGasPrice))
            {
                problem = "insufficient sender reserve";
                return null;
            }
        }

        var winProb = TicketMath.WinProb(faceValue, ev);
        var seed = UInt256.FromBytes(RandomNumberGenerator.GetBytes(32));
        var expirationBlock = chain.LastSeenL1Block + policy.ExpirationBlocks;
        var expiration = new ExpirationParams(chain.CurrentRound, chain.RoundBlockHash);
        var auxData = new Ticket
        {
            Recipient = recipient, Sender = sender, FaceValue = faceValue, WinProb = winProb, SenderNonce = 0,
            RecipientRandHash = new byte[32], CreationRound = expiration.CreationRound, CreationRoundBlockHash = expiration.CreationRoundBlockHash,
        }.AuxData();
        var rand = RecipientRand.Derive(secret, seed, sender, faceValue, winProb, expirationBlock, price.PricePerUnit, price.PixelsPerUnit, auxData);
        problem = null;
        return new PaymentTicketParams
        {
            Recipient = recipient,
            FaceValue = faceValue,
            WinProb = winProb,
            RecipientRandHash = RecipientRand.Commitment(rand),
            Seed = seed,
            ExpirationBlock = expirationBlock,
            Expiration = expiration,
        };
    }
}
