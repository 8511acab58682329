using System.Globalization;
using System.Numerics;
using Livepeer.Contracts;
using Livepeer.Grains.Payments;
using Livepeer.Grains.Tests.Cluster;
using Livepeer.Payments;
using Livepeer.Pipelines;
using Livepeer.Testing;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Signer;

namespace Livepeer.Grains.Tests.Payments;

/// <summary>Payments redeemed on a real chain (anvil): winners after their parameters expire, exactly once, deferred when the sender runs dry.</summary>
public sealed class ChainPaymentTests(ChainPaymentClusterFixture fixture) : IClassFixture<ChainPaymentClusterFixture>
{
    private const int Size = 8;

    private IRedemptionGrain Redemption => fixture.Grains.GetGrain<IRedemptionGrain>(fixture.Orchestrator);

    [Fact]
    public async Task Gateway_200Jobs_BalancesExactAndWinnersRedeemedAfterExpiry_FeesRiseByTheirFaceValues()
    {
        var payments = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<GatewayPayments>();
        var sender = payments.For(fixture.Orchestrator);
        var account = fixture.Grains.GetGrain<IPaymentAccountGrain>($"{fixture.Orchestrator}/{payments.Sender}");
        var (senderBefore, accountBefore) = (await sender.GetStatusAsync(), await account.GetStatusAsync());
        var feesBefore = await fixture.Broker.FeesEarnedAsync(fixture.Orchestrator);
        var recentBefore = (await Redemption.GetStatusAsync()).Recent.Length;

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, cancellationToken) =>
        {
            var job = TestClusters.Job(PaymentClusterFixture.Model, Size);
            var header = await sender.PrepareAsync(new JobPaymentRequest(job.JobId, job.Pipeline, job.ModelId, FeeUnits.Estimate(job.Pipeline, job.Parameters, job.Input)), cancellationToken);
            var result = await fixture.OrchestratorGrain.SubmitJobAsync(job with { Payment = header }, cancellationToken);
            await sender.SettleAsync(job.JobId, result.Units, cancellationToken);
        });

        var (senderAfter, accountAfter) = (await sender.GetStatusAsync(), await account.GetStatusAsync());
        var fees = Wei.Of(200L * Size * Size * fixture.PricePerPixel);
        Assert.Equal(fees, Delta(accountAfter.Debited, accountBefore.Debited));
        Assert.Equal(fees, Delta(senderAfter.FeesPaid, senderBefore.FeesPaid));
        Assert.Equal(Delta(senderAfter.ExpectedValueSent, senderBefore.ExpectedValueSent), Delta(accountAfter.Credited, accountBefore.Credited));
        Assert.Equal(Wei.Parse(accountAfter.Balances[Capability]), Wei.Parse(senderAfter.Credit[Capability]));

        // Winners wait while their parameters are valid: revealing the rand earlier would let the sender reuse it.
        var waiting = (await Redemption.GetStatusAsync()).Pending.Where(p => p.Sender == payments.Sender).ToList();
        Assert.Equal(accountAfter.WinningTickets - accountBefore.WinningTickets, waiting.Count);
        Assert.InRange(waiting.Count, 10, 150);
        await Redemption.RedeemDueAsync();
        Assert.DoesNotContain((await Redemption.GetStatusAsync()).Recent, r => waiting.Any(w => w.TicketHash == r.TicketHash));

        await fixture.Broker.MineAsync(41);
        await Eventually.TrueAsync(async () => (await Redemption.GetStatusAsync()).Pending.All(p => p.Sender != payments.Sender), TimeSpan.FromSeconds(90), "winners to be redeemed");

        var status = await Redemption.GetStatusAsync();
        var outcomes = status.Recent.Where(r => waiting.Any(w => w.TicketHash == r.TicketHash)).ToList();
        Assert.Equal(waiting.Count, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(RedemptionOutcome.Redeemed, o.Outcome));
        Assert.All(outcomes, o => Assert.Equal(fixture.FaceValue.ToString(CultureInfo.InvariantCulture), o.Transferred));
        // Other tests' winners may be redeemed meanwhile: the fee balance rises by exactly what every outcome since the start transferred.
        await AssertFeesMatchOutcomesAsync(feesBefore, recentBefore);
        Assert.Equal(status.Redeemed, await fixture.Broker.RedeemedTicketCountAsync(fixture.Orchestrator));
    }

    [Fact]
    public async Task Submit_ParametersExpiredOnChain_RefusedWithoutWork()
    {
        // Account #4, so that a winner of this test never mixes with the gateway's (#0) in the other tests.
        await fixture.Broker.FundAsync(4, 0, 10 * ChainPaymentClusterFixture.Ether);
        var sender = new TestSender(fixture.OrchestratorGrain, new EthECKey(fixture.Broker.Chain.PrivateKeys[4]));
        var session = await sender.SessionAsync();
        await fixture.Broker.MineAsync(41);
        await Task.Delay(ChainPaymentClusterFixture.PollInterval * 3); // the orchestrator's view of the chain is refreshed every poll interval
        var jobsRun = (await fixture.Device.GetStatusAsync()).JobsRun;

        var refused = await Assert.ThrowsAsync<JobFailedException>(() => sender.SubmitAsync(TestClusters.Job(PaymentClusterFixture.Model, Size), session.CreatePayment(1)));

        Assert.Equal(JobErrorKind.PaymentRejected, refused.Kind);
        Assert.Equal("TicketParams expired", refused.Message);
        Assert.Equal(jobsRun, (await fixture.Device.GetStatusAsync()).JobsRun);
    }

    [Fact]
    public async Task Submit_OrchestratorOutOfTheActiveSet_RefusedWithoutWork()
    {
        await fixture.Broker.FundAsync(6, 0, 10 * ChainPaymentClusterFixture.Ether);
        var sender = new TestSender(fixture.OrchestratorGrain, new EthECKey(fixture.Broker.Chain.PrivateKeys[6]));
        var session = await sender.SessionAsync();
        var jobsRun = (await fixture.Device.GetStatusAsync()).JobsRun;
        await fixture.Broker.SetActiveAsync(fixture.Orchestrator, active: false);
        try
        {
            await Task.Delay(ChainPaymentClusterFixture.PollInterval * 3); // the account reads the sender's standing again after its cache time
            var refused = await Assert.ThrowsAsync<JobFailedException>(() => sender.SubmitAsync(TestClusters.Job(PaymentClusterFixture.Model, Size), session.CreatePayment(1)));

            Assert.Equal(JobErrorKind.PaymentRejected, refused.Kind);
            Assert.Equal($"orchestrator {EthAddress.Parse(fixture.Orchestrator)} is inactive in round {LocalTicketBroker.Round}, cannot process payments", refused.Message);
            Assert.Equal(jobsRun, (await fixture.Device.GetStatusAsync()).JobsRun);
        }
        finally
        {
            await fixture.Broker.SetActiveAsync(fixture.Orchestrator, active: true);
        }
    }

    [Fact]
    public async Task ReserveExhausted_SenderRefused_RedemptionDeferredThenDoneOnceFunded()
    {
        // Account #3 has no deposit and a reserve of three face values, all of it claimable by the one active orchestrator.
        var faceValue = fixture.FaceValue;
        await fixture.Broker.FundAsync(3, 0, 3 * faceValue);
        var sender = new TestSender(fixture.OrchestratorGrain, new EthECKey(fixture.Broker.Chain.PrivateKeys[3]));
        var account = fixture.Grains.GetGrain<IPaymentAccountGrain>($"{fixture.Orchestrator}/{sender.Id}");
        var session = await sender.SessionAsync();
        Assert.Equal(faceValue, session.Parameters.FaceValue);
        var feesBefore = await fixture.Broker.FeesEarnedAsync(fixture.Orchestrator);
        var recentBefore = (await Redemption.GetStatusAsync()).Recent.Length;

        // Each winner waiting for redemption is money the reserve must still cover; after three it covers no more.
        JobFailedException? refused = null;
        for (var attempt = 0; attempt < 200 && refused is null; attempt++)
        {
            try
            {
                await sender.SubmitAsync(TestClusters.Job(PaymentClusterFixture.Model, Size), session.CreatePayment(1));
            }
            catch (JobFailedException e)
            {
                refused = e;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal("insufficient sender reserve", refused.Message);
        Assert.Equal(3, (await account.GetStatusAsync()).WinningTickets);
        var noParams = await Assert.ThrowsAsync<JobFailedException>(() => sender.SessionAsync());
        Assert.Equal("insufficient sender reserve", noParams.Message);

        // A second active orchestrator halves this one's share: 1.5 face values for three winners.
        await fixture.Broker.SetActiveAsync(fixture.Broker.Chain.Accounts[5], active: true);
        try
        {
            await fixture.Broker.MineAsync(41);
            await Eventually.TrueAsync(
                async () => (await Redemption.GetStatusAsync()).Pending.Where(p => p.Sender == sender.Id).Select(p => p.LastError).ToList()
                    is [ "insufficient sender funds for redeem tx cost" ],
                TimeSpan.FromSeconds(60), "the third winner to be deferred");
            Assert.Equal(
                [faceValue, faceValue / 2],
                (await Redemption.GetStatusAsync()).Recent.Where(r => r.Sender == sender.Id).Select(r => BigInteger.Parse(r.Transferred, CultureInfo.InvariantCulture)));

            // Deferred, not lost: once the sender funds a deposit, the retry redeems it.
            await fixture.Broker.FundDepositAsync(3, 10 * faceValue);
            await Eventually.TrueAsync(async () => (await Redemption.GetStatusAsync()).Pending.All(p => p.Sender != sender.Id), TimeSpan.FromSeconds(60), "the deferred winner to be redeemed");
        }
        finally
        {
            await fixture.Broker.SetActiveAsync(fixture.Broker.Chain.Accounts[5], active: false);
        }

        var outcomes = (await Redemption.GetStatusAsync()).Recent.Where(r => r.Sender == sender.Id).ToList();
        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(RedemptionOutcome.Redeemed, o.Outcome));
        Assert.Equal(
            [faceValue, faceValue / 2, faceValue],
            outcomes.Select(o => BigInteger.Parse(o.Transferred, CultureInfo.InvariantCulture)));
        await AssertFeesMatchOutcomesAsync(feesBefore, recentBefore);
    }

    /// <summary>The fee balance rose by exactly what the outcomes recorded since <paramref name="recentBefore"/> transferred (read until both agree, as another test's winner may be in flight).</summary>
    private async Task AssertFeesMatchOutcomesAsync(BigInteger feesBefore, int recentBefore) =>
        await Eventually.TrueAsync(
            async () => feesBefore + TransferredSince(await Redemption.GetStatusAsync(), recentBefore) == await fixture.Broker.FeesEarnedAsync(fixture.Orchestrator),
            TimeSpan.FromSeconds(20), "the fee balance to equal the recorded transfers");

    private static BigInteger TransferredSince(RedemptionStatus status, int recentBefore) =>
        status.Recent.Skip(recentBefore).Aggregate(BigInteger.Zero, (sum, r) => sum + BigInteger.Parse(r.Transferred, CultureInfo.InvariantCulture));

    private static string Capability => $"upscale/{PaymentClusterFixture.Model}";

    private static Wei Delta(string after, string before) => Wei.Parse(after) - Wei.Parse(before);
}
