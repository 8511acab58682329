using System.Numerics;

namespace Livepeer.Payments.Tests;

/// <summary>Exact wei amounts and the orchestrator's balances: nothing lost or made up by rounding.</summary>
public sealed class CreditLedgerTests
{
    private const string Capability = "text-to-image/stabilityai/sd-turbo";

    [Fact]
    public void TwoHundredJobs_PaidWithCeilTickets_LeaveExactlyCreditsMinusFees()
    {
        var ledger = new CreditLedger();
        var ev = Wei.ExpectedValue(WorkedExample.FaceValue, WorkedExample.WinProb);
        var price = new PriceInfo(1100, 3);
        var credited = Wei.Zero;
        var charged = Wei.Zero;
        var gatewayCredit = Wei.Zero;
        for (var job = 0; job < 200; job++)
        {
            var fee = Wei.Fee(512 * 512 + job, price);

            // The gateway pays the gap over the credit it still has, in whole tickets (⌈gap / EV⌉, gap rounded up to wei).
            var gap = fee - gatewayCredit;
            var count = gap <= Wei.Zero ? 0 : (int)TicketMath.TicketsFor(gap.Ceiling(), 0, WorkedExample.FaceValue, WorkedExample.WinProb);
            ledger.Credit(WorkedExample.Sender, Capability, ev * count);
            credited += ev * count;
            gatewayCredit = gatewayCredit + ev * count - fee;

            Assert.True(ledger.Covers(WorkedExample.Sender, Capability, fee));
            ledger.Debit(WorkedExample.Sender, Capability, fee);
            charged += fee;
        }

        // Both sides agree to the fraction of a wei, and the gateway never paid less than the fees.
        Assert.Equal(credited - charged, ledger.Balance(WorkedExample.Sender, Capability));
        Assert.Equal(gatewayCredit, ledger.Balance(WorkedExample.Sender, Capability));
        Assert.True(ledger.Balance(WorkedExample.Sender, Capability) >= Wei.Zero);
        Assert.True(ledger.Balance(WorkedExample.Sender, Capability) < ev);
    }

    [Fact]
    public void Balances_AreKeptPerSenderAndCapability()
    {
        var ledger = new CreditLedger();

        ledger.Credit(WorkedExample.Sender, "upscale/a", Wei.Of(10));
        ledger.Debit(WorkedExample.Recipient, "upscale/a", Wei.Of(3));

        Assert.Equal(Wei.Of(10), ledger.Balance(WorkedExample.Sender, "upscale/a"));
        Assert.Equal(Wei.Zero, ledger.Balance(WorkedExample.Sender, "upscale/b"));
        Assert.Equal(Wei.Of(-3), ledger.Balance(WorkedExample.Recipient, "upscale/a"));
        Assert.False(ledger.Covers(WorkedExample.Recipient, "upscale/a", Wei.Zero));
        Assert.Equal(2, ledger.Snapshot().Count);
    }

    [Fact]
    public void Wei_ArithmeticIsExact_AndReduced()
    {
        var third = Wei.Fraction(1, 3);

        Assert.Equal(Wei.Of(1), third + third + third);
        Assert.Equal("2/3", (third * 2).ToString());
        Assert.Equal(Wei.Fraction(2, 6), third);
        Assert.Equal(BigInteger.Zero, third.Floor());
        Assert.Equal(BigInteger.MinusOne, (Wei.Zero - third).Floor());
        Assert.Equal(BigInteger.One, third.Ceiling());
        Assert.Equal(BigInteger.Zero, (Wei.Zero - third).Ceiling());
        Assert.Equal(Wei.Fraction(1100 * 10, 3), Wei.Fee(10, new PriceInfo(1100, 3)));
        Assert.Equal(WorkedExample.ExpectedValue, Wei.ExpectedValue(WorkedExample.FaceValue, WorkedExample.WinProb).Floor());
        Assert.Throws<ArgumentOutOfRangeException>(() => Wei.Fee(1, new PriceInfo(1, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CreditLedger().Credit(WorkedExample.Sender, "x", Wei.Of(-1)));
    }
}
