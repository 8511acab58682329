using System.Numerics;
using Livepeer.Grains.Payments;
using Livepeer.Payments.Chain;
using Livepeer.Testing;

namespace Livepeer.Grains.Tests.Payments;

/// <summary>
/// The payment cluster on a real chain: anvil with contracts/TicketBroker.sol. The orchestrator is anvil account #1
/// (active, redeeming with its own key), the gateway pays as account #0 (10 ETH deposit and 10 ETH reserve). Tickets
/// are worth 0.01 ETH with a 1-in-2 win chance, so face values stay well above anvil's redemption gas cost.
/// </summary>
public sealed class ChainPaymentClusterFixture : PaymentClusterFixture
{
    public static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private readonly string keys = Directory.CreateTempSubdirectory("livepeer-chain-keys-").FullName;

    public LocalTicketBroker Broker { get; private set; } = null!;

    /// <summary>How often the chain is read; the expiry test waits this long after mining.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(100);

    public override string Orchestrator => Broker.Chain.Accounts[1];

    public override long PricePerPixel => 100_000_000_000_000;

    public override long TicketExpectedValue => 10_000_000_000_000_000;

    public override int FaceValueMultiple => 2;

    public BigInteger FaceValue => FaceValueMultiple * new BigInteger(TicketExpectedValue);

    public override async Task InitializeAsync()
    {
        Broker = await LocalTicketBroker.StartAsync();
        await Broker.FundAsync(0, 10 * Ether, 10 * Ether);
        await base.InitializeAsync();
    }

    /// <summary>The private key of anvil account <paramref name="index"/>, in a file as an operator would keep it.</summary>
    public string KeyFile(int index)
    {
        var path = Path.Combine(keys, $"account-{index}.key");
        if (!File.Exists(path)) File.WriteAllText(path, Broker.Chain.PrivateKeys[index]);
        return path;
    }

    protected override void ConfigureChain(ChainOptions options)
    {
        options.RpcUrl = Broker.Chain.RpcUrl.ToString();
        options.ChainId = LocalChain.ChainId;
        options.TicketBrokerAddress = Broker.Address;
        options.KeyFile = KeyFile(1);
        options.PollInterval = PollInterval;
    }

    protected override void ConfigureSender(SenderPaymentOptions options)
    {
        options.KeyFile = KeyFile(0);
        options.MaxTicketExpectedValue = 100 * TicketExpectedValue;
        options.MaxTotalExpectedValue = 10_000m * TicketExpectedValue;
        options.FundsCacheTime = PollInterval;
    }

    protected override async Task DisposeChainAsync()
    {
        await Broker.DisposeAsync();
        Directory.Delete(keys, recursive: true);
    }
}
