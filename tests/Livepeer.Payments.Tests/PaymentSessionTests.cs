using System.Numerics;

namespace Livepeer.Payments.Tests;

/// <summary>The gateway's session: nonces from 1, payments the orchestrator's validator accepts, and the parameter checks.</summary>
public sealed class PaymentSessionTests
{
    private static PaymentSession Session() => new(
        WorkedExample.SenderKey,
        WorkedExample.Payment([]).TicketParams!,
        new ExpirationParams(WorkedExample.CreationRound, WorkedExample.CreationRoundBlockHash),
        new PriceInfo(1100, 1));

    [Fact]
    public void FirstPaymentOfTwoTickets_IsTheExampleHeaderByteForByte()
    {
        var payment = Session().CreatePayment(2);

        Assert.Equal(
            PaymentHeader.Encode(WorkedExample.Payment([1, 2])),
            PaymentHeader.Encode(payment));
    }

    [Fact]
    public void Nonces_StartAtOne_AndContinueAcrossPayments_NewSessionRestarts()
    {
        var session = Session();

        var first = session.CreatePayment(2);
        var second = session.CreatePayment(3);
        var fresh = Session().CreatePayment(1);

        Assert.Equal([1u, 2u], first.Tickets.Select(t => t.SenderNonce));
        Assert.Equal([3u, 4u, 5u], second.Tickets.Select(t => t.SenderNonce));
        Assert.Equal(5u, session.NoncesUsed);
        Assert.Equal(1u, Assert.Single(fresh.Tickets).SenderNonce);
        Assert.Empty(session.CreatePayment(0).Tickets);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8_000_000_000)]
    [InlineData(50_000_000_000)]
    [InlineData(123_456_789_012)]
    public void Fee_PaidWithCeilGapOverEvTickets_IsAcceptedAndCoversTheFee(long fee)
    {
        var session = Session();
        var count = (int)TicketMath.TicketsFor(fee, 0, WorkedExample.FaceValue, WorkedExample.WinProb);

        var header = PaymentHeader.Encode(session.CreatePayment(count));
        var checks = new TicketValidator(WorkedExample.Recipient, WorkedExample.Secret, new SenderNonceLedger())
            .Validate(PaymentHeader.Decode(header), WorkedExample.ExpirationBlock - 10);

        Assert.All(checks, c => Assert.True(c.Credited));
        Assert.True(session.ExpectedValue * checks.Count >= Wei.Of(fee));
        Assert.True(session.ExpectedValue * (checks.Count - 1) < Wei.Of(fee));
    }

    [Fact]
    public void ParamsCheck_TheVectorsParameters_AreFine()
    {
        Assert.Null(TicketParamsCheck.Problem(WorkedExample.Payment([]).TicketParams, 2, WorkedExample.ExpirationBlock - 10, deposit: null, new SenderLimits()));
    }

    [Theory]
    [InlineData("nil", "ticketParams is nil")]
    [InlineData("block0", "ticketParams expiration block is 0")]
    [InlineData("expired", "TicketParams expired")]
    [InlineData("faceValueLow", "ticket faceValue too low faceValue=5")]
    [InlineData("evHigh", "ticket EV 8000000000 > max ticket EV 1000")]
    [InlineData("totalHigh", "total ticket EV 24000000000 for 3 tickets > max total ticket EV 20000000000")]
    [InlineData("deposit", "ticket faceValue 1200000000000000 > max faceValue 1000")]
    public void ParamsCheck_EachProblem_InGoLivepeersWords(string what, string message)
    {
        var parameters = WorkedExample.Payment([]).TicketParams!;
        var limits = new SenderLimits();
        var tickets = 1;
        BigInteger? deposit = null;
        var block = WorkedExample.ExpirationBlock - 10;
        switch (what)
        {
            case "nil": parameters = null!; break;
            case "block0": parameters = parameters with { ExpirationBlock = 0 }; break;
            case "expired": block = WorkedExample.ExpirationBlock - 1; break;
            case "faceValueLow": parameters = parameters with { FaceValue = 5, WinProb = UInt256.Max }; break;
            case "evHigh": limits = limits with { MaxTicketExpectedValue = 1000 }; break;
            case "totalHigh": limits = limits with { MaxTotalExpectedValue = 20_000_000_000 }; tickets = 3; break;
            case "deposit": deposit = 1000; break;
        }

        Assert.Equal(message, TicketParamsCheck.Problem(parameters, tickets, block, deposit, limits));
    }
}
