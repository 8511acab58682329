using System.Numerics;
using Nethereum.Signer;

namespace Livepeer.Payments.Tests;

/// <summary>The orchestrator's ticket checks in go-livepeer's order, each refusal with its own error.</summary>
public sealed class TicketValidatorTests
{
    private static readonly BigInteger Before = WorkedExample.ExpirationBlock - 10;
    private readonly SenderNonceLedger nonces = new();
    private readonly TicketValidator validator;

    public TicketValidatorTests() => validator = new TicketValidator(WorkedExample.Recipient, WorkedExample.Secret, nonces);

    [Fact]
    public void ValidTickets_AreCredited_AndTheVectorsDoNotWin()
    {
        var checks = validator.Validate(WorkedExample.Payment([1, 2]), Before);

        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.Equal(TicketError.None, c.Error));
        Assert.All(checks, c => Assert.False(c.Won));
        Assert.All(checks, c => Assert.Equal(WorkedExample.Rand, c.Rand));
    }

    [Fact]
    public void AlwaysWinTicket_Wins()
    {
        // Always-win parameters commit to the same rand only if the rand is derived from them; derive their hash here.
        var parameters = WorkedExample.Payment([1], winProb: UInt256.Max);
        var rand = RecipientRand.Derive(WorkedExample.Secret, WorkedExample.Seed, WorkedExample.Sender, WorkedExample.FaceValue, UInt256.Max, WorkedExample.ExpirationBlock, 1100, 1, WorkedExample.Ticket(1).AuxData());
        var payment = Recommit(parameters, rand, WorkedExample.SenderKey);

        var check = Assert.Single(validator.Validate(payment, Before));

        Assert.Equal(TicketError.None, check.Error);
        Assert.True(check.Won);
    }

    [Fact]
    public void ReplayedNonce_IsRefusedAndNotCredited()
    {
        validator.Validate(WorkedExample.Payment([1]), Before);

        var again = Assert.Single(validator.Validate(WorkedExample.Payment([1]), Before));

        Assert.Equal(TicketError.NonceAlreadySeen, again.Error);
        Assert.False(again.Credited);
    }

    [Fact]
    public void MoreThan600Nonces_ForOneSetOfParameters_AreRefused()
    {
        var rand = WorkedExample.Rand;
        for (uint n = 1; n <= SenderNonceLedger.MaxNoncesPerRand; n++)
            Assert.Equal(TicketError.None, nonces.Record(rand, n, WorkedExample.ExpirationBlock));

        var check = Assert.Single(validator.Validate(WorkedExample.Payment([601]), Before));

        Assert.Equal(TicketError.TooManyNonces, check.Error);
    }

    [Fact]
    public void ForgedSignature_IsRefusedPerTicket_OthersStillCount()
    {
        var forger = EthECKey.GenerateKey();
        var good = WorkedExample.Payment([1]);
        var forged = WorkedExample.Payment([2], signer: forger);
        var payment = good with { Tickets = [.. good.Tickets, .. forged.Tickets] };

        var checks = validator.Validate(payment, Before);

        Assert.Equal([TicketError.None, TicketError.InvalidSignature], checks.Select(c => c.Error));
    }

    [Fact]
    public void HighSTwin_IsAnInvalidSignature()
    {
        var payment = WorkedExample.Payment([1]);
        var signature = payment.Tickets[0].Signature;
        var order = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", System.Globalization.CultureInfo.InvariantCulture);
        byte[] twin = [.. signature[..32], .. UInt256.ToWord(order - UInt256.FromBytes(signature.AsSpan(32, 32))), (byte)(signature[64] == 27 ? 28 : 27)];

        var check = Assert.Single(validator.Validate(payment with { Tickets = [new SenderParams(1, twin)] }, Before));

        Assert.Equal(TicketError.InvalidSignature, check.Error);
    }

    [Fact]
    public void ExpiredParameters_AreRefused()
    {
        var check = Assert.Single(validator.Validate(WorkedExample.Payment([1]), WorkedExample.ExpirationBlock));

        Assert.Equal(TicketError.ParamsExpired, check.Error);
    }

    [Fact]
    public void WrongRecipient_IsFatal_AndStopsTheRest()
    {
        var other = new TicketValidator(WorkedExample.Sender, WorkedExample.Secret, nonces);

        var checks = other.Validate(WorkedExample.Payment([1, 2]), Before);

        var check = Assert.Single(checks);
        Assert.Equal(TicketError.InvalidRecipient, check.Error);
        Assert.True(check.IsFatal);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("price")]
    [InlineData("secret")]
    public void AlteredParametersOrAnotherNodesSecret_BreakTheRandCommitment(string what)
    {
        var payment = WorkedExample.Payment([1]);
        var checker = validator;
        if (what == "seed")
            payment = payment with { TicketParams = payment.TicketParams! with { Seed = 12345 } };
        else if (what == "price")
            payment = payment with { ExpectedPrice = new PriceInfo(1000, 1) };
        else
            checker = new TicketValidator(WorkedExample.Recipient, [4, .. new byte[31]], nonces);

        var check = Assert.Single(checker.Validate(payment, Before));

        Assert.Equal(TicketError.InvalidRecipientRand, check.Error);
    }

    [Fact]
    public void ZeroSender_IsFatal() =>
        Assert.Equal(TicketError.InvalidSender, Assert.Single(validator.Validate(WorkedExample.Payment([1]) with { Sender = default }, Before)).Error);

    [Fact]
    public void PriceWithoutPixels_IsFatal() =>
        Assert.Equal(TicketError.InvalidPrice, Assert.Single(validator.Validate(WorkedExample.Payment([1]) with { ExpectedPrice = new PriceInfo(1100, 0) }, Before)).Error);

    [Fact]
    public void Prune_ForgetsExpiredParameters()
    {
        validator.Validate(WorkedExample.Payment([1]), Before);

        Assert.Equal(0, nonces.Prune(Before));
        Assert.Equal(1, nonces.Prune(WorkedExample.ExpirationBlock));
        Assert.Equal(0, nonces.Count);
    }

    private static Payment Recommit(Payment payment, BigInteger rand, EthECKey key)
    {
        var commitment = RecipientRand.Commitment(rand);
        var resigned = payment with { TicketParams = payment.TicketParams! with { RecipientRandHash = commitment } };
        return resigned with
        {
            Tickets = [.. resigned.Tickets.Select((t, i) => new SenderParams(t.SenderNonce, TicketSignature.Sign(resigned.TicketAt(i).Hash(), key)))],
        };
    }
}
