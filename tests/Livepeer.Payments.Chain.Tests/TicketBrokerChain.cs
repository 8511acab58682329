using System.Diagnostics;
using System.Numerics;
using Livepeer.Testing;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace Livepeer.Payments.Chain.Tests;

/// <summary>
/// One anvil node per test class with contracts/TicketBroker.sol deployed by account #2, round 3500 (block hash
/// keccak("example block")) initialised and account #1 (the §1.6 recipient) active. Each test starts from that state:
/// <see cref="ResetAsync"/> reverts to an anvil snapshot taken right after the setup.
/// </summary>
public sealed class TicketBrokerChain : IAsyncLifetime
{
    private readonly string keyFolder = Path.Combine(Path.GetTempPath(), "livepeer-chain-keys-" + Guid.NewGuid().ToString("N")[..12]);
    private LocalChain? chain;
    private string? snapshot;

    public TimeSpan CompileTime { get; private set; }

    public TimeSpan AnvilStartTime { get; private set; }

    public TimeSpan DeployTime { get; private set; }

    public EthAddress Broker { get; private set; }

    public LocalChain Chain => chain ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var compiled = await LocalChain.CompileAsync("contracts/TicketBroker.sol");
        CompileTime = compiled.CompileTime;
        Assert.Empty(compiled.Warnings);
        chain = await LocalChain.StartAsync();
        AnvilStartTime = chain.StartupTime;
        // The anvil accounts must be the §1.6 parties, read from anvil's own account list.
        Assert.Equal(WorkedExample.Sender, EthAddress.Parse(chain.Accounts[0]));
        Assert.Equal(WorkedExample.Recipient, EthAddress.Parse(chain.Accounts[1]));

        var watch = Stopwatch.StartNew();
        var owner = Web3For(2);
        var receipt = await owner.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(
            compiled.Abi("TicketBroker"), compiled.Bytecode("TicketBroker"), owner.TransactionManager.Account.Address, new HexBigInteger(5_000_000));
        Assert.Equal(1, (int)receipt.Status.Value);
        Broker = EthAddress.Parse(receipt.ContractAddress);
        DeployTime = watch.Elapsed;

        await SetRoundAsync(WorkedExample.CreationRound, WorkedExample.CreationRoundBlockHash, initialized: true);
        await SendAsOwnerAsync(new SetActiveFunction { Transcoder = WorkedExample.Recipient.ToString(), Active = true });
        snapshot = await owner.Client.SendRequestAsync<string>("evm_snapshot");
    }

    public async Task DisposeAsync()
    {
        if (chain is not null)
            await chain.DisposeAsync();
        if (Directory.Exists(keyFolder))
            Directory.Delete(keyFolder, recursive: true);
    }

    /// <summary>Back to the state right after the setup (anvil deletes a snapshot once reverted to, so take a new one).</summary>
    public async Task ResetAsync()
    {
        var web3 = Web3For(2);
        Assert.True(await web3.Client.SendRequestAsync<bool>("evm_revert", null, snapshot));
        snapshot = await web3.Client.SendRequestAsync<string>("evm_snapshot");
    }

    /// <summary>A Web3 that signs as anvil account <paramref name="index"/> (its key read from anvil's config output).</summary>
    public Web3 Web3For(int index) => new(new Account(Chain.PrivateKeys[index], LocalChain.ChainId), Chain.RpcUrl.ToString());

    public EthAddress AccountAt(int index) => EthAddress.Parse(Chain.Accounts[index]);

    public TicketBrokerClient ClientFor(int index) => new(Web3For(index), Broker);

    public Task SetRoundAsync(long round, byte[] blockHash, bool initialized) =>
        SendAsOwnerAsync(new SetRoundFunction { Round = round, BlockHash = blockHash, Initialized = initialized });

    public Task SetActiveAsync(EthAddress transcoder, bool active) =>
        SendAsOwnerAsync(new SetActiveFunction { Transcoder = transcoder.ToString(), Active = active });

    /// <summary>Mines <paramref name="blocks"/> empty blocks (<c>anvil_mine</c>).</summary>
    public Task MineAsync(int blocks) => Web3For(2).Client.SendRequestAsync<object>("anvil_mine", null, blocks);

    /// <summary>Switches between a block a second (true) and anvil's default of one block per transaction (false).</summary>
    public async Task MineEverySecondAsync(bool enabled)
    {
        var client = Web3For(2).Client;
        // Interval 0 turns mining off altogether, so automine is switched on after it.
        await client.SendRequestAsync<object>("evm_setIntervalMining", null, enabled ? 1 : 0);
        await client.SendRequestAsync<object>("evm_setAutomine", null, !enabled);
    }

    public async Task<BigInteger> BlockNumberAsync() => (await Web3For(2).Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    /// <summary>Settings for this node and contract (which also serves as RoundsManager and BondingManager).</summary>
    public ChainOptions Options(string keyFile = "") => new()
    {
        RpcUrl = Chain.RpcUrl.ToString(),
        ChainId = LocalChain.ChainId,
        TicketBrokerAddress = Broker.ToString(),
        KeyFile = keyFile,
    };

    /// <summary>A file holding anvil account <paramref name="index"/>'s private key as 0x hex, removed with the fixture.</summary>
    public string KeyFileFor(int index)
    {
        Directory.CreateDirectory(keyFolder);
        var path = Path.Combine(keyFolder, $"account{index}.key");
        File.WriteAllText(path, Chain.PrivateKeys[index] + "\n");
        return path;
    }

    /// <summary>The recipient's earnings in the contract's stand-in fee pool.</summary>
    public Task<BigInteger> FeesEarnedAsync(EthAddress recipient) =>
        Web3For(2).Eth.GetContractQueryHandler<FeesEarnedFunction>().QueryAsync<BigInteger>(
            Broker.ToString(), new FeesEarnedFunction { Recipient = recipient.ToString() });

    /// <summary>The contract's own ticket hash, to cross-check the C# one.</summary>
    public Task<byte[]> ContractTicketHashAsync(Ticket ticket) =>
        Web3For(2).Eth.GetContractQueryHandler<GetTicketHashFunction>().QueryAsync<byte[]>(
            Broker.ToString(), new GetTicketHashFunction { Ticket = TicketTuple.From(ticket) });

    private async Task SendAsOwnerAsync<T>(T message)
        where T : FunctionMessage, new()
    {
        var receipt = await Web3For(2).Eth.GetContractTransactionHandler<T>().SendRequestAndWaitForReceiptAsync(Broker.ToString(), message);
        Assert.Equal(1, (int)receipt.Status.Value);
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

    [Function("getTicketHash", "bytes32")]
    private sealed class GetTicketHashFunction : FunctionMessage
    {
        [Parameter("tuple", "ticket", 1)]
        public TicketTuple Ticket { get; set; } = new();
    }
}
