using System.Numerics;

namespace Livepeer.Payments.Tests;

public sealed class TicketParamsIssuerTests
{
    private static readonly ChainSnapshot OffChain = new(1_000, 7, [.. Enumerable.Range(1, 32).Select(i => (byte)i)], BigInteger.Zero);
    private static readonly PriceInfo Price = new(1100, 1);

    [Fact]
    public void Issue_NoGasPrice_FaceValueIsOneHundredEvAndTheEvIsMetExactlyOrJustAbove()
    {
        var parameters = Issue(OffChain, maxFloat: null, new TicketPolicy());

        Assert.Equal(100 * WorkedExample.ExpectedValue, parameters.FaceValue);
        var ev = Wei.ExpectedValue(parameters.FaceValue, parameters.WinProb);
        Assert.True(ev >= Wei.Of(WorkedExample.ExpectedValue) && ev < Wei.Of(WorkedExample.ExpectedValue + 1));
        Assert.Equal(1_040, parameters.ExpirationBlock);
        Assert.Equal(new ExpirationParams(7, OffChain.RoundBlockHash), parameters.Expiration);
    }

    [Fact]
    public void Issue_GasPrice_FaceValueIsRedemptionCostTimesTheMultiplier()
    {
        var parameters = Issue(OffChain with { GasPrice = 10_000_000 }, maxFloat: null, new TicketPolicy());

        Assert.Equal(new BigInteger(1_200_000) * 10_000_000 * 100, parameters.FaceValue);
    }

    [Fact]
    public void Issue_CapsApply_ReserveShareThenOperatorCap()
    {
        Assert.Equal(50 * WorkedExample.ExpectedValue, Issue(OffChain, 50 * WorkedExample.ExpectedValue, new TicketPolicy()).FaceValue);
        Assert.Equal(20 * WorkedExample.ExpectedValue, Issue(OffChain, 50 * WorkedExample.ExpectedValue, new TicketPolicy { MaxFaceValue = 20 * WorkedExample.ExpectedValue }).FaceValue);
    }

    [Fact]
    public void Issue_ReserveBelowOneEv_RefusedAsInsufficientReserve()
    {
        var parameters = TicketParamsIssuer.Issue(
            WorkedExample.Recipient, WorkedExample.Secret, WorkedExample.Sender, Price, OffChain, WorkedExample.ExpectedValue - 1, new TicketPolicy(), out var problem);

        Assert.Null(parameters);
        Assert.Equal("insufficient sender reserve", problem);
    }

    [Fact]
    public void Issue_FreePrice_ZeroFaceValueAndWinProb()
    {
        var parameters = TicketParamsIssuer.Issue(
            WorkedExample.Recipient, WorkedExample.Secret, WorkedExample.Sender, new PriceInfo(0, 1), OffChain, null, new TicketPolicy(), out _)!;

        Assert.Equal((BigInteger.Zero, BigInteger.Zero), (parameters.FaceValue, parameters.WinProb));
    }

    [Fact]
    public void Issue_TicketsOnTheParameters_PassTheRecipientsValidation()
    {
        // The commitment is to the rand the validator re-derives from the echoed fields, the price and the auxData.
        var parameters = Issue(OffChain, maxFloat: null, new TicketPolicy());
        var payment = new PaymentSession(WorkedExample.SenderKey, parameters, parameters.Expiration!, Price).CreatePayment(3);

        var checks = new TicketValidator(WorkedExample.Recipient, WorkedExample.Secret, new SenderNonceLedger()).Validate(payment, OffChain.LastSeenL1Block);

        Assert.Equal(3, checks.Count);
        Assert.All(checks, c => Assert.Equal(TicketError.None, c.Error));
    }

    [Fact]
    public void Issue_TwoCalls_NewSeedAndCommitmentEachTime()
    {
        var first = Issue(OffChain, null, new TicketPolicy());
        var second = Issue(OffChain, null, new TicketPolicy());

        Assert.NotEqual(first.Seed, second.Seed);
        Assert.NotEqual(first.RecipientRandHash, second.RecipientRandHash);
    }

    private static PaymentTicketParams Issue(ChainSnapshot chain, BigInteger? maxFloat, TicketPolicy policy) =>
        TicketParamsIssuer.Issue(WorkedExample.Recipient, WorkedExample.Secret, WorkedExample.Sender, Price, chain, maxFloat, policy, out var problem)
        ?? throw new InvalidOperationException(problem);
}
