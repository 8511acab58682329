using System.Collections.Immutable;
using System.Net;
using Livepeer.Contracts;
using Livepeer.Gateway.Routing;
using Livepeer.Grains.Payments;
using Livepeer.Payments;
using Microsoft.Extensions.DependencyInjection;
using ApiProblemException = Livepeer.Gateway.Http.ApiProblemException;

namespace Livepeer.Gateway.Tests;

/// <summary>
/// The gateway pays the orchestrator with tickets over HTTP jobs, off chain as in the embedded default: both sides'
/// books agree to the wei, a failed job's credit stays the gateway's, and winners are kept but not redeemed.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class PaymentApiTests(GatewayFactory factory)
{
    private const string Capability = "upscale/" + GatewayFactory.DefaultModel;
    private readonly HttpClient client = factory.CreateClient();

    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    private GatewayPayments Payments => factory.Services.GetRequiredService<GatewayPayments>();

    private IPaymentSenderGrain Sender => Payments.For(GatewayFactory.Orchestrator);

    private IPaymentAccountGrain Account => Grains.GetGrain<IPaymentAccountGrain>($"{GatewayFactory.Orchestrator}/{Payments.Sender}");

    [Fact]
    public async Task Upscale_200PaidJobs_BothSidesAgreeToTheWeiOnFeesOfTheUnitsProduced()
    {
        var senderBefore = await Sender.GetStatusAsync();
        var accountBefore = await Account.GetStatusAsync();
        var winnersBefore = (await Grains.GetGrain<IRedemptionGrain>(GatewayFactory.Orchestrator).GetStatusAsync()).Pending.Length;
        long pixels = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancellationToken) =>
        {
            var (width, height) = (8 + (i % 9), 6 + (i % 7));
            using var response = await client.PostAsync(
                new Uri("/upscale", UriKind.Relative), Http.Form(("prompt", "x")).WithFile("image", TestImages.Png(width, height, i)), cancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Interlocked.Add(ref pixels, width * height);
        });

        var sender = await Sender.GetStatusAsync();
        var account = await Account.GetStatusAsync();
        var fees = Wei.Of(pixels * GatewayFactory.DefaultModelPrice);
        Assert.Equal(200, sender.JobsPaid - senderBefore.JobsPaid);
        Assert.Equal(fees, Delta(account.Debited, accountBefore.Debited));
        Assert.Equal(fees, Delta(sender.FeesPaid, senderBefore.FeesPaid));

        // Every ticket sent was accepted and credited at its exact expected value, and both sides hold the same credit.
        var ticketsSent = sender.TicketsSent - senderBefore.TicketsSent;
        Assert.Equal(ticketsSent, account.TicketsAccepted - accountBefore.TicketsAccepted);
        Assert.Equal(0, account.TicketsRefused - accountBefore.TicketsRefused);
        Assert.Equal(Delta(sender.ExpectedValueSent, senderBefore.ExpectedValueSent), Delta(account.Credited, accountBefore.Credited));
        Assert.Equal(Delta(account.Balances[Capability], accountBefore.Balances.GetValueOrDefault(Capability, "0")), Delta(sender.Credit[Capability], senderBefore.Credit.GetValueOrDefault(Capability, "0")));
        Assert.Equal(Wei.Parse(account.Credited) - Wei.Parse(account.Debited), account.Balances.Values.Aggregate(Wei.Zero, (sum, b) => sum + Wei.Parse(b)));

        // Tickets are worth 1,000 wei and jobs cost 480–1,680 wei, so every job paid with at least one ticket or leftover credit.
        Assert.InRange(ticketsSent, fees.Floor() / GatewayFactory.TicketExpectedValue, fees.Floor() / GatewayFactory.TicketExpectedValue + 200);
        Assert.True(Wei.Parse(account.Balances[Capability]) >= Wei.Zero);

        // Off chain, winners (about one ticket in four) are kept with the reason they are not redeemed.
        var redemption = await Grains.GetGrain<IRedemptionGrain>(GatewayFactory.Orchestrator).GetStatusAsync();
        Assert.False(redemption.Configured);
        Assert.Equal(account.WinningTickets - accountBefore.WinningTickets, redemption.Pending.Length - winnersBefore);
        Assert.InRange(redemption.Pending.Length - winnersBefore, ticketsSent / 10, ticketsSent / 2);
        Assert.All(redemption.Pending, p => Assert.Equal(OffChainPaymentChain.NotConfigured, p.LastError));
        Assert.Empty(redemption.Recent);
    }

    [Fact]
    public async Task Dispatch_JobFailsAtTheWorker_CreditStaysTheGateways()
    {
        var dispatcher = factory.Services.GetRequiredService<JobDispatcher>();
        var senderBefore = await Sender.GetStatusAsync();
        var accountBefore = await Account.GetStatusAsync();

        // Passes the gateway (raw bytes, no image check on this path) and fails in the pipeline: the client's 400.
        var job = new JobRequest(Guid.NewGuid().ToString("N"), "upscale", GatewayFactory.DefaultModel, ImmutableDictionary<string, string>.Empty, [1, 2, 3, 4]);
        var refused = await Assert.ThrowsAsync<ApiProblemException>(() => dispatcher.DispatchAsync(job, CancellationToken.None));
        Assert.Equal(400, refused.StatusCode);

        var sender = await Sender.GetStatusAsync();
        var account = await Account.GetStatusAsync();
        Assert.Equal(1, sender.JobsRefunded - senderBefore.JobsRefunded);
        Assert.Equal(Wei.Zero, Delta(account.Debited, accountBefore.Debited));
        Assert.True(sender.TicketsSent > senderBefore.TicketsSent || Wei.Parse(senderBefore.Credit.GetValueOrDefault(Capability, "0")) >= Wei.Of(GatewayFactory.TicketExpectedValue));
        Assert.Equal(Delta(account.Balances[Capability], accountBefore.Balances.GetValueOrDefault(Capability, "0")), Delta(sender.Credit[Capability], senderBefore.Credit.GetValueOrDefault(Capability, "0")));
    }

    private static Wei Delta(string after, string before) => Wei.Parse(after) - Wei.Parse(before);
}
