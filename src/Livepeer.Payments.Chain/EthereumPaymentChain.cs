using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using Newtonsoft.Json.Linq;

namespace Livepeer.Payments.Chain;

/// <summary>
/// <see cref="IPaymentChain"/> on an Ethereum node (Arbitrum in production, anvil in tests): the block clock and round
/// from the node and RoundsManager, sender funds from TicketBroker and BondingManager, and redemption signed with the
/// key of <see cref="ChainOptions.KeyFile"/>.
/// </summary>
public sealed class EthereumPaymentChain : IPaymentChain, IDisposable
{
    private readonly Web3 web3;
    private readonly TicketBrokerClient broker;
    private readonly string roundsManager;
    private readonly string bondingManager;
    private readonly PolledValue<ChainSnapshot> snapshot;
    private readonly SemaphoreSlim redeeming = new(1, 1);

    /// <summary>Sets up the connection to <see cref="ChainOptions.RpcUrl"/> and loads the signing key, if any; nothing is sent to the node yet.</summary>
    /// <param name="options">Valid settings with an <see cref="ChainOptions.RpcUrl"/>.</param>
    /// <param name="time">Clock of the snapshot cache; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentException">The settings have problems (<see cref="ChainOptions.Problems"/>), or there is no RpcUrl.</exception>
    public EthereumPaymentChain(ChainOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.RpcUrl))
            throw new ArgumentException($"{ChainOptions.Key(nameof(ChainOptions.RpcUrl))} is empty: without a node use {nameof(OffChainPaymentChain)}.", nameof(options));
        var problems = ChainOptions.SettingProblems(options);
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));

        EthECKey? key = null;
        if (!string.IsNullOrWhiteSpace(options.KeyFile))
        {
            var (loaded, problem) = SigningKeyFile.Load(options);
            key = loaded ?? throw new ArgumentException(problem, nameof(options));
            SigningAddress = EthAddress.Parse(key.GetPublicAddress());
        }

        web3 = key is null ? new Web3(options.RpcUrl) : new Web3(new Account(key, options.ChainId), options.RpcUrl);
        var brokerAddress = EthAddress.Parse(options.TicketBrokerAddress);
        broker = new TicketBrokerClient(web3, brokerAddress);
        roundsManager = string.IsNullOrEmpty(options.RoundsManagerAddress) ? brokerAddress.ToString() : options.RoundsManagerAddress;
        bondingManager = string.IsNullOrEmpty(options.BondingManagerAddress) ? brokerAddress.ToString() : options.BondingManagerAddress;
        snapshot = new PolledValue<ChainSnapshot>(ReadSnapshotAsync, options.PollInterval, time ?? TimeProvider.System);
    }

    /// <summary>The account redemptions are sent from; null when no key is configured.</summary>
    public EthAddress? SigningAddress { get; }

    /// <inheritdoc />
    public bool CanRedeem => SigningAddress is not null;

    /// <inheritdoc />
    public Task<ChainSnapshot> GetSnapshotAsync(CancellationToken cancellationToken = default) => snapshot.GetAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<SenderFunds?> GetSenderFundsAsync(EthAddress sender, EthAddress recipient, CancellationToken cancellationToken = default)
    {
        var info = broker.GetSenderInfoAsync(sender);
        var poolSize = QueryAsync<GetTranscoderPoolSizeFunction, BigInteger>(bondingManager, new GetTranscoderPoolSizeFunction());
        var active = QueryAsync<IsActiveTranscoderFunction, bool>(bondingManager, new IsActiveTranscoderFunction { Transcoder = recipient.ToString() });
        var claimed = broker.GetClaimedReserveAsync(sender, recipient);
        await Task.WhenAll(info, poolSize, active, claimed).WaitAsync(cancellationToken).ConfigureAwait(false);

        var funds = await info.ConfigureAwait(false);
        var isActive = await active.ConfigureAwait(false);
        var allocation = ReserveAllocation(funds, await poolSize.ConfigureAwait(false), isActive, await claimed.ConfigureAwait(false));
        return new SenderFunds(funds.Deposit, funds.WithdrawRound, allocation, isActive);
    }

    /// <inheritdoc />
    public Task<bool> IsTicketUsedAsync(byte[] ticketHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticketHash);
        RequireKey();
        return broker.IsUsedTicketAsync(ticketHash).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RedemptionReceipt> RedeemAsync(Ticket ticket, byte[] signature, BigInteger recipientRand, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(signature);
        RequireKey();
        // The eth_call check and the transaction are not atomic: one at a time, a second redemption of the same ticket
        // sees it used and costs no gas. Winning tickets are rare enough for that.
        await redeeming.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await broker.RedeemWinningTicketAsync(ticket, signature, recipientRand, cancellationToken).ConfigureAwait(false);
            return new RedemptionReceipt(result.TransactionHash, result.Succeeded, result.RevertReason, result.Transferred);
        }
        finally
        {
            redeeming.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => redeeming.Dispose();

    /// <summary>
    /// The reserve <c>recipient</c> may still claim this round (payments-pm.md §5.3): an equal share per active
    /// transcoder of the reserve as it stood at the round's start, less what it already claimed; 0 when it is not active.
    /// </summary>
    internal static BigInteger ReserveAllocation(SenderInfo info, BigInteger poolSize, bool recipientActive, BigInteger claimedByRecipient)
    {
        if (!recipientActive || poolSize.IsZero)
            return BigInteger.Zero;
        var share = (info.ReserveRemaining + info.ReserveClaimedInCurrentRound) / poolSize;
        return BigInteger.Max(BigInteger.Zero, share - claimedByRecipient);
    }

    /// <summary>The latest L1 block of a block header: Arbitrum's <c>l1BlockNumber</c>, else <c>number</c> (payments-pm.md §5.5).</summary>
    /// <exception cref="InvalidOperationException">The header has neither field.</exception>
    internal static BigInteger LastSeenL1Block(JObject? header)
    {
        var hex = header?.Value<string>("l1BlockNumber") ?? header?.Value<string>("number");
        return string.IsNullOrEmpty(hex)
            ? throw new InvalidOperationException("The node's latest block header has no block number.")
            : new HexBigInteger(hex).Value;
    }

    private async Task<ChainSnapshot> ReadSnapshotAsync()
    {
        // A raw request: Nethereum's block DTO has no field for Arbitrum's l1BlockNumber.
        var header = web3.Client.SendRequestAsync<JObject>("eth_getBlockByNumber", null, "latest", false);
        var gasPrice = web3.Eth.GasPrice.SendRequestAsync();
        var round = QueryAsync<CurrentRoundFunction, BigInteger>(roundsManager, new CurrentRoundFunction());
        await Task.WhenAll(header, gasPrice, round).ConfigureAwait(false);

        var currentRound = await round.ConfigureAwait(false);
        // An address without a contract answers eth_call with no data, which decodes as round 0; a RoundsManager never
        // reports 0, and tickets created in it could never be redeemed.
        if (currentRound.IsZero)
            throw new InvalidOperationException($"The RoundsManager at {roundsManager} ({ChainOptions.Key(nameof(ChainOptions.RoundsManagerAddress))}) reports round 0: is it a RoundsManager?");
        var roundHash = await QueryAsync<BlockHashForRoundFunction, byte[]>(roundsManager, new BlockHashForRoundFunction { Round = currentRound }).ConfigureAwait(false);
        return new ChainSnapshot(
            LastSeenL1Block(await header.ConfigureAwait(false)),
            checked((long)currentRound),
            roundHash,
            (await gasPrice.ConfigureAwait(false)).Value);
    }

    private Task<TResult> QueryAsync<TFunction, TResult>(string contract, TFunction function)
        where TFunction : FunctionMessage, new() =>
        web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TResult>(contract, function);

    private void RequireKey()
    {
        if (!CanRedeem)
            throw new InvalidOperationException($"redemption is not configured: {ChainOptions.Key(nameof(ChainOptions.KeyFile))} is not set");
    }
}
