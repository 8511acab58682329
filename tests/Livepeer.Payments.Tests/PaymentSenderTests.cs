using System.Numerics;

namespace Livepeer.Payments.Tests;

public sealed class PaymentSenderTests
{
    private const string Capability = "upscale/m";
    private static readonly ChainSnapshot Chain = new(1_000, 7, [.. Enumerable.Range(1, 32).Select(i => (byte)i)], BigInteger.Zero);

    private int sessionsIssued;

    [Fact]
    public async Task Prepare_FeeBelowOneEv_TicketsUntilCreditReachesOneEv()
    {
        // go-livepeer's rule: a job needs credit of max(fee, one EV). 640-wei jobs against ~1,000-wei tickets pay a
        // ticket while the credit is below one EV and none once it is above.
        var sender = NewSender();
        var ev = await ExpectedValueAsync();

        Assert.Single((await PrepareAsync(sender, "j1", 64)).Tickets);
        Assert.True(sender.Settle("j1", 64));
        Assert.Equal(ev - Wei.Of(640), sender.Credit[Capability]);
        Assert.Single((await PrepareAsync(sender, "j2", 30)).Tickets);
        sender.Settle("j2", 30);
        Assert.Empty((await PrepareAsync(sender, "j3", 10)).Tickets);
        sender.Settle("j3", 10);

        Assert.Equal((ev * 2) - Wei.Of(1_040), sender.Credit[Capability]);
        Assert.Equal((2, 3, Wei.Of(1_040), ev * 2), (sender.TicketsSent, sender.JobsPaid, sender.FeesPaid, sender.ExpectedValueSent));
    }

    [Fact]
    public async Task Prepare_FeeOfManyEvs_CeilingOfTheGap()
    {
        var sender = NewSender();
        var ev = await ExpectedValueAsync();

        var payment = await PrepareAsync(sender, "j", 1_000);

        // 10,000 wei at a hair over 1,000 wei per ticket: ⌈10,000 / EV⌉ = 10, nonces 1…10.
        Assert.Equal([1u, 2, 3, 4, 5, 6, 7, 8, 9, 10], payment.Tickets.Select(t => t.SenderNonce));
        Assert.True(ev * 10 >= Wei.Of(10_000) && ev * 9 < Wei.Of(10_000));
    }

    [Fact]
    public async Task Settle_FailedJob_EveryStagedWeiComesBack()
    {
        var sender = NewSender();
        var ev = await ExpectedValueAsync();
        await PrepareAsync(sender, "j", 64);

        Assert.True(sender.Settle("j", null));

        Assert.Equal(ev, sender.Credit[Capability]);
        Assert.Equal((0, 1, Wei.Zero), (sender.JobsPaid, sender.JobsRefunded, sender.FeesPaid));
        Assert.False(sender.Settle("j", 64));
    }

    [Fact]
    public async Task Refused_ClearsCreditAndAsksForNewParameters()
    {
        var sender = NewSender();
        await PrepareAsync(sender, "j", 64);

        Assert.True(sender.Refused("j"));
        Assert.Equal(Wei.Zero, sender.Credit[Capability]);
        await PrepareAsync(sender, "k", 64);

        Assert.Equal(2, sessionsIssued);
    }

    [Fact]
    public async Task Prepare_ParametersNearExpiry_NewSessionNoncesFromOne()
    {
        var sender = NewSender();
        await PrepareAsync(sender, "j1", 64);

        // Issued at block 1,000 for 40 blocks; 3 blocks before expiry the sender replaces them.
        var payment = await sender.PrepareAsync("j2", Capability, 64, 1_037, null, NewSessionAsync, CancellationToken.None);

        Assert.Equal(2, sessionsIssued);
        Assert.Equal(1u, Assert.Single(payment.Tickets).SenderNonce);
    }

    [Fact]
    public async Task Prepare_TicketEvOverTheLimit_Refused()
    {
        var sender = new PaymentSender(WorkedExample.SenderKey, new SenderLimits { MaxTicketExpectedValue = 10, MaxTotalExpectedValue = 10 }, 3);

        var refused = await Assert.ThrowsAsync<PaymentRefusedException>(() => PrepareAsync(sender, "j", 64));

        Assert.StartsWith("ticket EV 1000 > max ticket EV 10", refused.Message, StringComparison.Ordinal);
        Assert.Empty(sender.Credit);
    }

    [Fact]
    public async Task Prepare_MoreThan600Tickets_Refused()
    {
        var sender = NewSender();

        var refused = await Assert.ThrowsAsync<PaymentRefusedException>(() => PrepareAsync(sender, "j", 70_000));

        Assert.Contains("a payment holds at most 600", refused.Message, StringComparison.Ordinal);
    }

    private static PaymentSender NewSender() => new(WorkedExample.SenderKey, new SenderLimits(), refreshBlocks: 3);

    private static async Task<Wei> ExpectedValueAsync() => (await IssueAsync()).ExpectedValue;

    private Task<Payment> PrepareAsync(PaymentSender sender, string job, long units) =>
        sender.PrepareAsync(job, Capability, units, Chain.LastSeenL1Block, null, NewSessionAsync, CancellationToken.None);

    private Task<PaymentSession> NewSessionAsync(CancellationToken cancellationToken)
    {
        sessionsIssued++;
        return IssueAsync();
    }

    // A recipient charging 10 wei per unit with ~1,000-wei tickets (4,000-wei face value).
    private static Task<PaymentSession> IssueAsync()
    {
        var price = new PriceInfo(10, 1);
        var parameters = TicketParamsIssuer.Issue(
            WorkedExample.Recipient, WorkedExample.Secret, WorkedExample.Sender, price, Chain, null,
            new TicketPolicy { TicketExpectedValue = 1_000, MaxFaceValue = 4_000 }, out _)!;
        return Task.FromResult(new PaymentSession(WorkedExample.SenderKey, parameters, parameters.Expiration!, price));
    }
}
