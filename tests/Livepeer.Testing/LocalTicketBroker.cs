using System.Numerics;
using Livepeer.Payments;
using Livepeer.Payments.Chain;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace Livepeer.Testing;

/// <summary>
/// contracts/TicketBroker.sol compiled with solc-js and deployed on a fresh anvil by account #<see cref="OwnerAccount"/>,
/// with a round initialised (by default <see cref="Round"/>, block hash keccak("livepeer test round")) and account #1
/// active, plus the owner's controls tests need: rounds, the active set, blocks, funding and the fees recipients earned.
/// </summary>
public sealed class LocalTicketBroker : IAsyncDisposable
{
    /// <summary>The account that deploys and controls the contract.</summary>
    public const int OwnerAccount = 2;

    /// <summary>The round current after start-up.</summary>
    public const long Round = 3500;

    /// <summary>topic0 of <c>WinningTicketRedeemed(address,address,uint256,uint256,uint256,uint256,bytes)</c>.</summary>
    public static readonly string WinningTicketRedeemedTopic =
        "0x" + Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(System.Text.Encoding.ASCII.GetBytes("WinningTicketRedeemed(address,address,uint256,uint256,uint256,uint256,bytes)")));

    private LocalTicketBroker(LocalChain chain, string address, CompiledContracts compiled, TimeSpan deployTime)
    {
        Chain = chain;
        Address = address;
        CompileTime = compiled.CompileTime;
        CompilerWarnings = compiled.Warnings;
        DeployTime = deployTime;
    }

    /// <summary>The node.</summary>
    public LocalChain Chain { get; }

    /// <summary>The contract (0x hex).</summary>
    public string Address { get; }

    /// <summary>How long solc-js took.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>What solc-js warned about (none expected).</summary>
    public IReadOnlyList<string> CompilerWarnings { get; }

    /// <summary>How long the deployment transaction took.</summary>
    public TimeSpan DeployTime { get; }

    /// <summary>The block hash recorded for <see cref="Round"/>.</summary>
    public static byte[] RoundHash { get; } = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.ASCII.GetBytes("livepeer test round"));

    /// <summary>Compiles, starts anvil, deploys and initialises <paramref name="round"/> with <paramref name="roundHash"/> (defaults: <see cref="Round"/>, <see cref="RoundHash"/>).</summary>
    public static async Task<LocalTicketBroker> StartAsync(long round = Round, byte[]? roundHash = null, CancellationToken cancellationToken = default)
    {
        var compiled = await LocalChain.CompileAsync("contracts/TicketBroker.sol", cancellationToken).ConfigureAwait(false);
        var chain = await LocalChain.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var owner = Web3For(chain, OwnerAccount);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var receipt = await owner.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(
                compiled.Abi("TicketBroker"), compiled.Bytecode("TicketBroker"), owner.TransactionManager.Account.Address, new HexBigInteger(5_000_000)).ConfigureAwait(false);
            if (receipt.Status.Value != 1)
                throw new InvalidOperationException($"Deploying the TicketBroker failed in transaction {receipt.TransactionHash}.");
            var broker = new LocalTicketBroker(chain, receipt.ContractAddress, compiled, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            await broker.SetRoundAsync(round, roundHash ?? RoundHash).ConfigureAwait(false);
            await broker.SetActiveAsync(chain.Accounts[1], active: true).ConfigureAwait(false);
            return broker;
        }
        catch
        {
            await chain.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A Web3 that signs as anvil account <paramref name="index"/>.</summary>
    public Web3 Web3For(int index) => Web3For(Chain, index);

    /// <summary>Makes <paramref name="round"/> current, with <paramref name="blockHash"/>, initialised unless told otherwise.</summary>
    public Task SetRoundAsync(long round, byte[] blockHash, bool initialized = true) =>
        SendAsOwnerAsync(new SetRoundFunction { Round = round, BlockHash = blockHash, Initialized = initialized });

    /// <summary>Adds or removes a transcoder from the active set (the reserve is shared among the active ones).</summary>
    public Task SetActiveAsync(string transcoder, bool active) =>
        SendAsOwnerAsync(new SetActiveFunction { Transcoder = transcoder, Active = active });

    /// <summary>The production client (funding, sender info, redemption) signing as anvil account <paramref name="index"/>.</summary>
    public TicketBrokerClient ClientFor(int index) => new(Web3For(index), EthAddress.Parse(Address));

    /// <summary>Funds account <paramref name="index"/>'s deposit and reserve.</summary>
    public Task FundAsync(int index, BigInteger deposit, BigInteger reserve) => ClientFor(index).FundDepositAndReserveAsync(deposit, reserve);

    /// <summary>Adds to account <paramref name="index"/>'s deposit.</summary>
    public Task FundDepositAsync(int index, BigInteger amount) => ClientFor(index).FundDepositAsync(amount);

    /// <summary>Mines <paramref name="blocks"/> empty blocks.</summary>
    public Task MineAsync(int blocks) =>
        Web3For(OwnerAccount).Client.SendRequestAsync<object>("anvil_mine", null, new HexBigInteger(blocks));

    /// <summary>What <paramref name="recipient"/> earned from redeemed tickets.</summary>
    public Task<BigInteger> FeesEarnedAsync(string recipient) =>
        Web3For(OwnerAccount).Eth.GetContractQueryHandler<FeesEarnedFunction>().QueryAsync<BigInteger>(Address, new FeesEarnedFunction { Recipient = recipient });

    /// <summary>WinningTicketRedeemed events for <paramref name="recipient"/> since the contract was deployed.</summary>
    public async Task<int> RedeemedTicketCountAsync(string recipient)
    {
        var filter = new NewFilterInput
        {
            Address = [Address],
            FromBlock = BlockParameter.CreateEarliest(),
            ToBlock = BlockParameter.CreateLatest(),
            Topics = [WinningTicketRedeemedTopic, null, "0x" + recipient[2..].ToLowerInvariant().PadLeft(64, '0')],
        };
        var logs = await Web3For(OwnerAccount).Eth.Filters.GetLogs.SendRequestAsync(filter).ConfigureAwait(false);
        return logs.Length;
    }

    /// <summary>Stops anvil.</summary>
    public ValueTask DisposeAsync() => Chain.DisposeAsync();

    private static Web3 Web3For(LocalChain chain, int index) => new(new Account(chain.PrivateKeys[index], LocalChain.ChainId), chain.RpcUrl.ToString());

    private async Task SendAsOwnerAsync<T>(T message)
        where T : FunctionMessage, new()
    {
        var receipt = await Web3For(OwnerAccount).Eth.GetContractTransactionHandler<T>().SendRequestAndWaitForReceiptAsync(Address, message).ConfigureAwait(false);
        if (receipt.Status.Value != 1)
            throw new InvalidOperationException($"{typeof(T).Name} failed in transaction {receipt.TransactionHash}.");
    }

    [Function("setRound")]
    private sealed class SetRoundFunction : FunctionMessage
    {
        [Parameter("uint256", "round", 1)]
        public BigInteger Round { get; set; }

        [Parameter("bytes32", "blockHash", 2)]
        public byte[] BlockHash { get; set; } = [];

        [Parameter("bool", "initialized", 3)]
        public bool Initialized { get; set; }
    }

    [Function("setActive")]
    private sealed class SetActiveFunction : FunctionMessage
    {
        [Parameter("address", "transcoder", 1)]
        public string Transcoder { get; set; } = "";

        [Parameter("bool", "active", 2)]
        public bool Active { get; set; }
    }

    [Function("feesEarned", "uint256")]
    private sealed class FeesEarnedFunction : FunctionMessage
    {
        [Parameter("address", "", 1)]
        public string Recipient { get; set; } = "";
    }
}
