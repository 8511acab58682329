using System.Numerics;
using Microsoft.Extensions.Time.Testing;
using Nethereum.Util;
using Newtonsoft.Json.Linq;

namespace Livepeer.Payments.Chain.Tests;

/// <summary>EthereumPaymentChain's block clock, round and gas price read from anvil, and their cache.</summary>
public sealed class ChainSnapshotTests(TicketBrokerChain chain) : IClassFixture<TicketBrokerChain>, IAsyncLifetime
{
    private static readonly byte[] NextRoundHash = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("next block"));

    private readonly FakeTimeProvider clock = new();

    public Task InitializeAsync() => chain.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SnapshotHasTheLatestBlockTheRoundItsHashAndAGasPrice()
    {
        using var payments = new EthereumPaymentChain(chain.Options(), clock);

        var snapshot = await payments.GetSnapshotAsync();

        Assert.Equal(await chain.BlockNumberAsync(), snapshot.LastSeenL1Block);
        Assert.Equal(WorkedExample.CreationRound, snapshot.CurrentRound);
        Assert.Equal(WorkedExample.CreationRoundBlockHash, snapshot.RoundBlockHash);
        Assert.True(snapshot.GasPrice > 0, $"gas price {snapshot.GasPrice}");
    }

    [Fact]
    public async Task SnapshotIsReusedWithinThePollIntervalAndReadAgainAfterIt()
    {
        var options = chain.Options();
        using var payments = new EthereumPaymentChain(options, clock);
        var first = await payments.GetSnapshotAsync();

        await chain.MineAsync(5);
        await chain.SetRoundAsync(WorkedExample.CreationRound + 1, NextRoundHash, initialized: true);
        clock.Advance(options.PollInterval - TimeSpan.FromTicks(1));
        Assert.Same(first, await payments.GetSnapshotAsync());

        clock.Advance(TimeSpan.FromTicks(1));
        var second = await payments.GetSnapshotAsync();

        // Five mined blocks and the setRound transaction's block.
        Assert.Equal(first.LastSeenL1Block + 6, second.LastSeenL1Block);
        Assert.Equal(await chain.BlockNumberAsync(), second.LastSeenL1Block);
        Assert.Equal(WorkedExample.CreationRound + 1, second.CurrentRound);
        Assert.Equal(NextRoundHash, second.RoundBlockHash);
    }

    [Fact]
    public async Task ConcurrentCallersShareOneRead()
    {
        using var payments = new EthereumPaymentChain(chain.Options(), clock);

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => payments.GetSnapshotAsync())));

        Assert.All(snapshots, s => Assert.Same(snapshots[0], s));
    }

    [Fact]
    public async Task ACancelledCallerDoesNotCancelTheSharedRead()
    {
        using var payments = new EthereumPaymentChain(chain.Options(), clock);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => payments.GetSnapshotAsync(cancelled.Token));
        var snapshot = await payments.GetSnapshotAsync();

        Assert.Equal(WorkedExample.CreationRound, snapshot.CurrentRound);
    }

    [Fact]
    public async Task ExplicitRoundsAndBondingAddressesAreUsedAndOneWithoutCodeIsCaught()
    {
        var options = chain.Options();
        options.RoundsManagerAddress = chain.Broker.ToString();
        options.BondingManagerAddress = chain.Broker.ToString();
        using var payments = new EthereumPaymentChain(options, clock);

        Assert.Equal(WorkedExample.CreationRound, (await payments.GetSnapshotAsync()).CurrentRound);
        Assert.NotNull(await payments.GetSenderFundsAsync(WorkedExample.Sender, WorkedExample.Recipient));

        // An account without code answers calls with no data, which would read as round 0.
        options.RoundsManagerAddress = chain.AccountAt(5).ToString();
        using var wrong = new EthereumPaymentChain(options, clock);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => wrong.GetSnapshotAsync());
        Assert.Contains("Livepeer:Chain:RoundsManagerAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArbitrumHeadersGiveTheirL1BlockNumber()
    {
        var arbitrum = JObject.Parse("""{"number":"0x7a8f3c1","l1BlockNumber":"0x1471f2c","hash":"0x01"}""");
        var l1 = JObject.Parse("""{"number":"0x1471f2c","hash":"0x01"}""");

        Assert.Equal(new BigInteger(0x1471f2c), EthereumPaymentChain.LastSeenL1Block(arbitrum));
        Assert.Equal(new BigInteger(0x1471f2c), EthereumPaymentChain.LastSeenL1Block(l1));
        Assert.Throws<InvalidOperationException>(() => EthereumPaymentChain.LastSeenL1Block(JObject.Parse("{}")));
        Assert.Throws<InvalidOperationException>(() => EthereumPaymentChain.LastSeenL1Block(null));
    }
}
