using System.Numerics;

namespace Livepeer.Payments;

/// <summary>
/// What ticket issuing, validation and redemption need from the chain: the block clock and round, a sender's funds,
/// and the TicketBroker's redemption. One implementation talks to an Ethereum node (Arbitrum in production, anvil in
/// tests); the other, <see cref="OffChainPaymentChain"/>, lets the embedded default run without one.
/// </summary>
public interface IPaymentChain
{
    /// <summary>Whether winning tickets can be redeemed: a node, a TicketBroker and a signing account are configured.</summary>
    bool CanRedeem { get; }

    /// <summary>The chain's clock now (cached by the implementation for at most its poll interval).</summary>
    Task<ChainSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// <paramref name="sender"/>'s on-chain funds as <paramref name="recipient"/> may claim them, or null when there is no
    /// chain to ask (off-chain: nothing limits a sender).
    /// </summary>
    Task<SenderFunds?> GetSenderFundsAsync(EthAddress sender, EthAddress recipient, CancellationToken cancellationToken = default);

    /// <summary>Whether a ticket with this hash was already redeemed on chain.</summary>
    /// <exception cref="InvalidOperationException">Redemption is not configured (<see cref="CanRedeem"/> is false).</exception>
    Task<bool> IsTicketUsedAsync(byte[] ticketHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends <c>redeemWinningTicket</c>. A refusal by the contract comes back with its revert string; connection and RPC
    /// failures throw, so the caller can retry them.
    /// </summary>
    /// <exception cref="InvalidOperationException">Redemption is not configured (<see cref="CanRedeem"/> is false).</exception>
    Task<RedemptionReceipt> RedeemAsync(Ticket ticket, byte[] signature, BigInteger recipientRand, CancellationToken cancellationToken = default);
}

/// <summary>The chain's clock as tickets use it (payments-pm.md §3.2, §5.5).</summary>
/// <param name="LastSeenL1Block">The latest L1 block (Arbitrum's <c>l1BlockNumber</c>, else the block number): expiry is counted in it.</param>
/// <param name="CurrentRound">The current round.</param>
/// <param name="RoundBlockHash">The block hash recorded for <paramref name="CurrentRound"/> (32 bytes).</param>
/// <param name="GasPrice">The node's suggested gas price in wei; 0 when unknown or off chain.</param>
public sealed record ChainSnapshot(BigInteger LastSeenL1Block, long CurrentRound, byte[] RoundBlockHash, BigInteger GasPrice);

/// <summary>A sender's funds as one recipient sees them (payments-pm.md §5.3).</summary>
/// <param name="Deposit">Wei in the deposit, spent first by winning tickets (any recipient's).</param>
/// <param name="WithdrawRound">Round from which the sender may withdraw; 0 while no unlock is in progress.</param>
/// <param name="ReserveAllocation">Wei of the reserve this recipient may still claim this round: (funds + claimed this round) / pool size − already claimed by it; 0 when it is not active.</param>
/// <param name="RecipientActive">Whether the recipient is in the active set this round; an inactive orchestrator may neither take payments nor redeem (go-livepeer's rule).</param>
public sealed record SenderFunds(BigInteger Deposit, BigInteger WithdrawRound, BigInteger ReserveAllocation, bool RecipientActive = true);

/// <summary>How one <c>redeemWinningTicket</c> went.</summary>
/// <param name="TransactionHash">The transaction, or null when the contract refused the ticket before one was sent.</param>
/// <param name="Succeeded">True when the transaction was mined with status 1.</param>
/// <param name="RevertReason">The contract's reason when refused, e.g. "ticket is used"; "transaction failed" for a failed mined transaction.</param>
/// <param name="Transferred">Wei paid to the recipient (deposit plus reserve claim).</param>
public sealed record RedemptionReceipt(string? TransactionHash, bool Succeeded, string? RevertReason, BigInteger Transferred);
