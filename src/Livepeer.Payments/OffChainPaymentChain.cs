using System.Globalization;
using System.Numerics;
using System.Text;

namespace Livepeer.Payments;

/// <summary>
/// The chain stand-in of the embedded default: a clock that ticks one "L1 block" every <see cref="BlockTime"/> (12 s,
/// Ethereum's slot time) so that ticket parameters expire as they would on Arbitrum, rounds of 5,760 blocks with a
/// stable non-zero hash each (so tickets carry the redeemable 64-byte auxData), no sender limits, and no redemption:
/// winning tickets are kept and reported as not redeemable.
/// </summary>
public sealed class OffChainPaymentChain(TimeProvider time) : IPaymentChain
{
    /// <summary>Time per block of the simulated L1 clock.</summary>
    public static readonly TimeSpan BlockTime = TimeSpan.FromSeconds(12);

    /// <summary>L1 blocks per round, as on Livepeer's RoundsManager.</summary>
    public const long RoundLength = 5760;

    private static readonly DateTimeOffset Genesis = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public bool CanRedeem => false;

    /// <inheritdoc />
    public Task<ChainSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var block = (time.GetUtcNow() - Genesis).Ticks / BlockTime.Ticks;
        var round = block / RoundLength;
        return Task.FromResult(new ChainSnapshot(block, round, RoundHash(round), BigInteger.Zero));
    }

    /// <inheritdoc />
    public Task<SenderFunds?> GetSenderFundsAsync(EthAddress sender, EthAddress recipient, CancellationToken cancellationToken = default) =>
        Task.FromResult<SenderFunds?>(null);

    /// <inheritdoc />
    public Task<bool> IsTicketUsedAsync(byte[] ticketHash, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(NotConfigured);

    /// <inheritdoc />
    public Task<RedemptionReceipt> RedeemAsync(Ticket ticket, byte[] signature, BigInteger recipientRand, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(NotConfigured);

    /// <summary>Why nothing is redeemed off chain.</summary>
    public const string NotConfigured = "redemption is not configured: no chain (Livepeer:Chain) is set up";

    private static byte[] RoundHash(long round) =>
        Keccak256.Hash(Encoding.ASCII.GetBytes("livepeer-orleans off-chain round " + round.ToString(CultureInfo.InvariantCulture)));
}
