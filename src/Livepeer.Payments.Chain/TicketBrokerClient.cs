using System.Numerics;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.Contracts.ContractHandlers;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace Livepeer.Payments.Chain;

/// <summary>A sender's on-chain funds as <c>getSenderInfo</c> reports them (payments-pm.md §6.2).</summary>
/// <param name="Deposit">Wei in the deposit, spent first by winning tickets.</param>
/// <param name="WithdrawRound">Round from which the sender may withdraw; 0 while no unlock is in progress.</param>
/// <param name="ReserveRemaining">Wei left in the reserve.</param>
/// <param name="ReserveClaimedInCurrentRound">Wei recipients claimed from the reserve in the current round.</param>
public sealed record SenderInfo(BigInteger Deposit, BigInteger WithdrawRound, BigInteger ReserveRemaining, BigInteger ReserveClaimedInCurrentRound);

/// <summary>How a redemption went.</summary>
/// <param name="TransactionHash">The transaction, or null when the call was refused before submission.</param>
/// <param name="Succeeded">True when the transaction was mined with status 1.</param>
/// <param name="RevertReason">The contract's revert string when the redemption was refused, e.g. "ticket is used".</param>
/// <param name="GasUsed">Gas the mined transaction used; 0 when none was sent.</param>
/// <param name="Transferred">Wei credited to the recipient (deposit plus reserve claim) per the WinningTicketTransfer event.</param>
/// <param name="ReserveClaimed">Wei of <paramref name="Transferred"/> that came from the sender's reserve.</param>
/// <param name="TicketRedeemedLogged">True when the receipt holds the WinningTicketRedeemed event.</param>
public sealed record RedemptionResult(
    string? TransactionHash, bool Succeeded, string? RevertReason, BigInteger GasUsed, BigInteger Transferred, BigInteger ReserveClaimed, bool TicketRedeemedLogged);

/// <summary>
/// Talks to a TicketBroker (or the test contract in <c>contracts/TicketBroker.sol</c>, which has the same ABI) through
/// a Nethereum <see cref="IWeb3"/> whose account signs the transactions.
/// </summary>
/// <remarks>
/// A redemption is first run as <c>eth_call</c>: like go-livepeer, whose bound contract estimates gas before sending,
/// a ticket the contract would refuse never costs a transaction, and the refusal comes back with its revert string.
/// Anyone may submit a winning ticket; the contract always pays <see cref="Ticket.Recipient"/>.
/// </remarks>
public sealed class TicketBrokerClient
{
    private readonly IWeb3 web3;

    /// <summary>Creates a client for the TicketBroker at <paramref name="contractAddress"/>.</summary>
    public TicketBrokerClient(IWeb3 web3, EthAddress contractAddress)
    {
        ArgumentNullException.ThrowIfNull(web3);
        this.web3 = web3;
        ContractAddress = contractAddress;
    }

    /// <summary>The TicketBroker this client calls.</summary>
    public EthAddress ContractAddress { get; }

    /// <summary>The calldata of <c>redeemWinningTicket(ticket, sig, recipientRand)</c>, selector <c>0xec8b3cb6</c>.</summary>
    public static byte[] EncodeRedeemWinningTicket(Ticket ticket, ReadOnlySpan<byte> signature, BigInteger recipientRand) =>
        RedeemMessage(ticket, signature, recipientRand).GetCallData();

    /// <summary>The sender's deposit, unlock state and reserve.</summary>
    public async Task<SenderInfo> GetSenderInfoAsync(EthAddress sender)
    {
        var output = await Handler().QueryDeserializingToObjectAsync<GetSenderInfoFunction, GetSenderInfoOutput>(
            new GetSenderInfoFunction { Sender = sender.ToString() }).ConfigureAwait(false);
        return new SenderInfo(output.Sender.Deposit, output.Sender.WithdrawRound, output.Reserve.FundsRemaining, output.Reserve.ClaimedInCurrentRound);
    }

    /// <summary>Wei <paramref name="claimant"/> has claimed from <paramref name="reserveHolder"/>'s reserve in the current round (<c>claimedReserve</c>).</summary>
    public Task<BigInteger> GetClaimedReserveAsync(EthAddress reserveHolder, EthAddress claimant) =>
        Handler().QueryAsync<ClaimedReserveFunction, BigInteger>(
            new ClaimedReserveFunction { ReserveHolder = reserveHolder.ToString(), Claimant = claimant.ToString() });

    /// <summary>Whether a ticket with this hash was already redeemed (<c>usedTickets(bytes32)</c>).</summary>
    public Task<bool> IsUsedTicketAsync(ReadOnlySpan<byte> ticketHash)
    {
        if (ticketHash.Length != 32)
            throw new ArgumentException("A ticket hash is 32 bytes.", nameof(ticketHash));
        return Handler().QueryAsync<UsedTicketsFunction, bool>(new UsedTicketsFunction { TicketHash = ticketHash.ToArray() });
    }

    /// <summary>Funds the signing account's deposit and reserve in one transaction (value = deposit + reserve).</summary>
    public Task<TransactionReceipt> FundDepositAndReserveAsync(BigInteger deposit, BigInteger reserve, CancellationToken cancellationToken = default) =>
        SendAsync(new FundDepositAndReserveFunction { DepositAmount = deposit, ReserveAmount = reserve, AmountToSend = deposit + reserve }, "fundDepositAndReserve", cancellationToken);

    /// <summary>Adds <paramref name="amount"/> to the signing account's deposit.</summary>
    public Task<TransactionReceipt> FundDepositAsync(BigInteger amount, CancellationToken cancellationToken = default) =>
        SendAsync(new FundDepositFunction { AmountToSend = amount }, "fundDeposit", cancellationToken);

    /// <summary>
    /// Redeems a winning ticket. A refusal by the contract (used, expired, not winning, bad signature, …) is returned with
    /// its revert string, not thrown; connection and RPC failures throw.
    /// </summary>
    public async Task<RedemptionResult> RedeemWinningTicketAsync(Ticket ticket, ReadOnlyMemory<byte> signature, BigInteger recipientRand, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var message = RedeemMessage(ticket, signature.Span, recipientRand);
        message.FromAddress = web3.TransactionManager.Account?.Address
            ?? throw new InvalidOperationException("The Web3 instance has no account to send the redemption from.");
        try
        {
            // The function returns nothing; a successful eth_call just means the transaction would not revert now.
            await Handler().QueryRawAsync(message).ConfigureAwait(false);
        }
        catch (SmartContractRevertException revert)
        {
            return new RedemptionResult(null, false, revert.RevertMessage, 0, 0, 0, TicketRedeemedLogged: false);
        }

        var receipt = await Handler().SendRequestAndWaitForReceiptAsync(message, cancellationToken).ConfigureAwait(false);
        var succeeded = receipt.Status?.Value == 1;
        var transferred = Sum(receipt.DecodeAllEvents<WinningTicketTransferEvent>().Select(e => e.Event.Amount));
        var claimed = Sum(receipt.DecodeAllEvents<ReserveClaimedEvent>().Select(e => e.Event.Amount));
        return new RedemptionResult(
            receipt.TransactionHash,
            succeeded,
            // Between the eth_call and mining, another redeemer may have used the ticket; go-livepeer then gives up on it.
            succeeded ? null : "transaction failed",
            receipt.GasUsed?.Value ?? 0,
            transferred,
            claimed,
            receipt.DecodeAllEvents<WinningTicketRedeemedEvent>().Count > 0);
    }

    private static RedeemWinningTicketFunction RedeemMessage(Ticket ticket, ReadOnlySpan<byte> signature, BigInteger recipientRand) => new()
    {
        Ticket = TicketTuple.From(ticket),
        Sig = signature.ToArray(),
        RecipientRand = recipientRand,
    };

    private static BigInteger Sum(IEnumerable<BigInteger> values) => values.Aggregate(BigInteger.Zero, (a, b) => a + b);

    private async Task<TransactionReceipt> SendAsync<T>(T message, string function, CancellationToken cancellationToken)
        where T : FunctionMessage, new()
    {
        var receipt = await Handler().SendRequestAndWaitForReceiptAsync(message, cancellationToken).ConfigureAwait(false);
        return receipt.Status?.Value == 1
            ? receipt
            : throw new InvalidOperationException($"{function} failed in transaction {receipt.TransactionHash}.");
    }

    private ContractHandler Handler() => web3.Eth.GetContractHandler(ContractAddress.Bytes.ToArray().ToHex(prefix: true));
}
