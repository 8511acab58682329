using System.Numerics;
using Livepeer.Contracts;
using Livepeer.Grains.Tests.Cluster;
using Livepeer.Payments;
using Nethereum.Signer;

namespace Livepeer.Grains.Tests.Payments;

/// <summary>
/// The orchestrator refuses bad payments before any work: each refusal names its reason, and neither the device nor
/// the orchestrator's job counters move.
/// </summary>
public sealed class PaymentRejectionTests(PaymentClusterFixture fixture) : IClassFixture<PaymentClusterFixture>
{
    // secp256k1's group order: s and n − s are the two signatures of one message.
    private static readonly BigInteger GroupOrder = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", System.Globalization.CultureInfo.InvariantCulture);

    private const int Size = 8;

    private long Fee => Size * Size * fixture.PricePerPixel;

    private TestSender NewSender() => new(fixture.OrchestratorGrain);

    private static JobRequest Job(string model = PaymentClusterFixture.Model) => TestClusters.Job(model, Size);

    [Fact]
    public async Task Submit_EnoughTickets_RunsAndDebitsTheFeeOfTheUnits()
    {
        var sender = NewSender();
        var session = await sender.SessionAsync();

        var result = await sender.SubmitAsync(Job(), session.CreatePayment(1));

        Assert.Equal(Size * Size, result.Units);
        var account = await Account(sender).GetStatusAsync();
        Assert.Equal(1, account.TicketsAccepted);

        // The win probability is rounded up, so a ticket is worth a hair over 1,000 wei: exactly faceValue × winProb / (2^256 − 1).
        Assert.InRange(session.ExpectedValue.Floor(), fixture.TicketExpectedValue, fixture.TicketExpectedValue);
        Assert.Equal(session.ExpectedValue - Wei.Of(Fee), Wei.Parse(account.Balances[Capability]));
        Assert.Equal(Wei.Of(Fee), Wei.Parse(account.Debited));
    }

    [Fact]
    public async Task Submit_FreeModel_RunsWithoutPayment()
    {
        var result = await fixture.OrchestratorGrain.SubmitJobAsync(Job(PaymentClusterFixture.FreeModel));

        Assert.Equal(Size * Size, result.Units);
    }

    [Fact]
    public Task Submit_NoHeader_PaymentRequired() =>
        AssertRefusedWithoutWorkAsync(Job(), JobErrorKind.PaymentRequired, "send a Livepeer-Payment header");

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("CgM=")]
    public Task Submit_MalformedHeader_PaymentRequired(string header) =>
        AssertRefusedWithoutWorkAsync(Job() with { Payment = header }, JobErrorKind.PaymentRequired, "Could not parse the Livepeer-Payment header");

    [Fact]
    public async Task Submit_ReplayedPayment_RefusedAsAlreadySeen()
    {
        var sender = NewSender();
        var payment = (await sender.SessionAsync()).CreatePayment(2);
        await sender.SubmitAsync(Job(), payment);

        await AssertRefusedWithoutWorkAsync(Job() with { Payment = PaymentHeader.Encode(payment) }, JobErrorKind.PaymentRejected, "invalid ticket senderNonce: already seen");
        Assert.Equal(2, (await Account(sender).GetStatusAsync()).TicketsAccepted);
    }

    [Fact]
    public async Task Submit_SignedByAnotherKey_RefusedAsInvalidSignature()
    {
        var sender = NewSender();
        var payment = (await sender.SessionAsync()).CreatePayment(1);
        var forger = new PaymentSession(EthECKey.GenerateKey(), payment.TicketParams!, payment.Expiration!, payment.ExpectedPrice!).CreatePayment(1);
        var forged = payment with { Tickets = [new SenderParams(1, forger.Tickets[0].Signature)] };

        await AssertRefusedWithoutWorkAsync(Job() with { Payment = PaymentHeader.Encode(forged) }, JobErrorKind.PaymentRejected, "invalid ticket signature");
        Assert.Equal(Wei.Zero, Wei.Parse((await Account(sender).GetStatusAsync()).Credited));
    }

    [Fact]
    public async Task Submit_HighSTwinOfAValidSignature_RefusedAsInvalidSignature()
    {
        var sender = NewSender();
        var payment = (await sender.SessionAsync()).CreatePayment(1);
        var signature = payment.Tickets[0].Signature;
        var s = UInt256.FromBytes(signature.AsSpan(32, 32));
        byte[] twin = [.. signature.AsSpan(0, 32), .. UInt256.ToWord(GroupOrder - s), (byte)(signature[64] == 27 ? 28 : 27)];

        await AssertRefusedWithoutWorkAsync(
            Job() with { Payment = PaymentHeader.Encode(payment with { Tickets = [new SenderParams(1, twin)] }) }, JobErrorKind.PaymentRejected, "invalid ticket signature");
    }

    [Fact]
    public async Task Submit_TicketsMadeOutToAnotherOrchestrator_RefusedAsWrongRecipient()
    {
        var sender = NewSender();
        var session = await sender.SessionAsync();
        var elsewhere = new PaymentSession(sender.Key, session.Parameters with { Recipient = EthAddress.Parse("0x00000000000000000000000000000000000000e1") }, session.Expiration, session.Price);

        await AssertRefusedWithoutWorkAsync(Job() with { Payment = PaymentHeader.Encode(elsewhere.CreatePayment(1)) }, JobErrorKind.PaymentRejected, "invalid ticket recipient");
    }

    [Fact]
    public async Task Submit_RaisedFaceValue_RefusedAsAltered()
    {
        var sender = NewSender();
        var session = await sender.SessionAsync();
        var altered = new PaymentSession(sender.Key, session.Parameters with { FaceValue = session.Parameters.FaceValue * 2 }, session.Expiration, session.Price);

        await AssertRefusedWithoutWorkAsync(Job() with { Payment = PaymentHeader.Encode(altered.CreatePayment(1)) }, JobErrorKind.PaymentRejected, "invalid recipientRand for ticket recipientRandHash");
    }

    [Fact]
    public async Task Submit_PriceOtherThanTheOffer_Refused()
    {
        var sender = NewSender();
        var session = await sender.SessionAsync();
        var cheaper = new PaymentSession(sender.Key, session.Parameters, session.Expiration, new PriceInfo(1, 1));

        await AssertRefusedWithoutWorkAsync(Job() with { Payment = PaymentHeader.Encode(cheaper.CreatePayment(1)) }, JobErrorKind.PaymentRejected, "invalid expected price");
    }

    [Fact]
    public async Task Submit_NoTicketsAndNoCredit_InsufficientBalance()
    {
        var sender = NewSender();
        var session = await sender.SessionAsync();

        await AssertRefusedWithoutWorkAsync(Job() with { Payment = PaymentHeader.Encode(session.CreatePayment(0)) }, JobErrorKind.InsufficientBalance, "Insufficient balance");
    }

    [Fact]
    public async Task Submit_CreditLeftFromEarlierTickets_PaysWithoutNewTickets()
    {
        var sender = NewSender();
        var session = await sender.SessionAsync();
        await sender.SubmitAsync(Job(), session.CreatePayment(3));

        await sender.SubmitAsync(Job(), session.CreatePayment(0));

        var account = await Account(sender).GetStatusAsync();
        Assert.Equal((session.ExpectedValue * 3) - Wei.Of(2 * Fee), Wei.Parse(account.Balances[Capability]));
    }

    [Fact]
    public async Task SubmitConcurrently_CreditForOneJob_OnlyOneRuns()
    {
        // 2,000 wei of tickets less a 640-wei job leaves 1,360: enough for one 1,000-wei job, not two. The first job's
        // fee is held at admission, so the second cannot count the same credit.
        var sender = NewSender();
        var session = await sender.SessionAsync();
        await sender.SubmitAsync(Job(), session.CreatePayment(2));
        var big = TestClusters.Job(PaymentClusterFixture.Model, 10);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await fixture.OrchestratorGrain.SubmitJobAsync(big with { JobId = Guid.NewGuid().ToString("N"), Payment = PaymentHeader.Encode(session.CreatePayment(0)) });
                return true;
            }
            catch (JobFailedException e) when (e.Kind == JobErrorKind.InsufficientBalance)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(ran => ran));
        var account = await Account(sender).GetStatusAsync();
        Assert.Equal((session.ExpectedValue * 2) - Wei.Of(Fee + (100 * fixture.PricePerPixel)), Wei.Parse(account.Balances[Capability]));
    }

    private static string Capability => $"upscale/{PaymentClusterFixture.Model}";

    private IPaymentAccountGrain Account(TestSender sender) =>
        fixture.Grains.GetGrain<IPaymentAccountGrain>($"{fixture.Orchestrator}/{sender.Id}");

    private async Task AssertRefusedWithoutWorkAsync(JobRequest job, JobErrorKind kind, string reason)
    {
        var deviceBefore = (await fixture.Device.GetStatusAsync()).JobsRun;
        var before = await fixture.OrchestratorGrain.GetInfoAsync();

        var refused = await Assert.ThrowsAsync<JobFailedException>(() => fixture.OrchestratorGrain.SubmitJobAsync(job));

        Assert.Equal(kind, refused.Kind);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        var after = await fixture.OrchestratorGrain.GetInfoAsync();
        Assert.Equal(deviceBefore, (await fixture.Device.GetStatusAsync()).JobsRun);
        Assert.Equal((before.JobsCompleted, before.JobsFailed), (after.JobsCompleted, after.JobsFailed));
        Assert.All(after.Capabilities, c => Assert.Equal(0, c.InUse));
    }
}
