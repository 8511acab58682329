using System.Numerics;
using Livepeer.Testing;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Web3;

namespace Livepeer.Payments.Chain.Tests;

/// <summary>
/// One anvil node per test class with contracts/TicketBroker.sol deployed by account #2, round 3500 (block hash
/// keccak("example block")) initialised and account #1 (the §1.6 recipient) active. Each test starts from that state:
/// <see cref="ResetAsync"/> reverts to an anvil snapshot taken right after the setup.
/// </summary>
public sealed class TicketBrokerChain : IAsyncLifetime
{
    private readonly string keyFolder = Path.Combine(Path.GetTempPath(), "livepeer-chain-keys-" + Guid.NewGuid().ToString("N")[..12]);
    private LocalTicketBroker? broker;
    private string? snapshot;

    public TimeSpan CompileTime => Deployed.CompileTime;

    public TimeSpan AnvilStartTime => Chain.StartupTime;

    public TimeSpan DeployTime => Deployed.DeployTime;

    public EthAddress Broker => EthAddress.Parse(Deployed.Address);

    public LocalChain Chain => Deployed.Chain;

    private LocalTicketBroker Deployed => broker ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        broker = await LocalTicketBroker.StartAsync(WorkedExample.CreationRound, WorkedExample.CreationRoundBlockHash);
        Assert.Empty(broker.CompilerWarnings);
        // The anvil accounts must be the §1.6 parties, read from anvil's own account list; the recipient is the active one.
        Assert.Equal(WorkedExample.Sender, EthAddress.Parse(Chain.Accounts[0]));
        Assert.Equal(WorkedExample.Recipient, EthAddress.Parse(Chain.Accounts[1]));
        snapshot = await Web3For(2).Client.SendRequestAsync<string>("evm_snapshot");
    }

    public async Task DisposeAsync()
    {
        if (broker is not null)
            await broker.DisposeAsync();
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
    public Web3 Web3For(int index) => Deployed.Web3For(index);

    public EthAddress AccountAt(int index) => EthAddress.Parse(Chain.Accounts[index]);

    public TicketBrokerClient ClientFor(int index) => Deployed.ClientFor(index);

    public Task SetRoundAsync(long round, byte[] blockHash, bool initialized) => Deployed.SetRoundAsync(round, blockHash, initialized);

    public Task SetActiveAsync(EthAddress transcoder, bool active) => Deployed.SetActiveAsync(transcoder.ToString(), active);

    /// <summary>Mines <paramref name="blocks"/> empty blocks (<c>anvil_mine</c>).</summary>
    public Task MineAsync(int blocks) => Deployed.MineAsync(blocks);

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
    public Task<BigInteger> FeesEarnedAsync(EthAddress recipient) => Deployed.FeesEarnedAsync(recipient.ToString());

    /// <summary>The contract's own ticket hash, to cross-check the C# one.</summary>
    public Task<byte[]> ContractTicketHashAsync(Ticket ticket) =>
        Web3For(2).Eth.GetContractQueryHandler<GetTicketHashFunction>().QueryAsync<byte[]>(
            Broker.ToString(), new GetTicketHashFunction { Ticket = TicketTuple.From(ticket) });

    [Function("getTicketHash", "bytes32")]
    private sealed class GetTicketHashFunction : FunctionMessage
    {
        [Parameter("tuple", "ticket", 1)]
        public TicketTuple Ticket { get; set; } = new();
    }
}
