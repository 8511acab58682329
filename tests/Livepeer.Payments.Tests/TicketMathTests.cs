using System.Globalization;
using System.Numerics;

namespace Livepeer.Payments.Tests;

/// <summary>Win probability, expected value and tickets per payment in exact 256-bit arithmetic.</summary>
public sealed class TicketMathTests
{
    [Fact]
    public void WinProb_TheVectorsFaceValueAndEv_GivesTheVectorsWinProb_AndTheEvBack()
    {
        var winProb = TicketMath.WinProb(WorkedExample.FaceValue, WorkedExample.ExpectedValue);

        Assert.Equal(WorkedExample.WinProb, winProb);
        Assert.Equal(WorkedExample.ExpectedValue, Wei.ExpectedValue(WorkedExample.FaceValue, winProb).Floor());
    }

    [Theory]
    [InlineData("0", "5", "0")]
    [InlineData("5", "5", "max")]
    [InlineData("3", "1", "38597363079105398474523661669562635951089994888546854679819194669304376546645")]
    [InlineData("1000", "1", "115792089237316195423570985008687907853269984665640564039457584007913129640")]
    public void WinProb_EdgeCases_AndRoundingUpToKeepTheEv(string faceValue, string ev, string expected)
    {
        var value = TicketMath.WinProb(BigInteger.Parse(faceValue, CultureInfo.InvariantCulture), BigInteger.Parse(ev, CultureInfo.InvariantCulture));

        Assert.Equal(expected == "max" ? UInt256.Max : BigInteger.Parse(expected, CultureInfo.InvariantCulture), value);
        if (faceValue != "0")
            Assert.True(BigInteger.Parse(faceValue, CultureInfo.InvariantCulture) * value >= BigInteger.Parse(ev, CultureInfo.InvariantCulture) * UInt256.Max);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(8_000_000_000, 0, 1)]
    [InlineData(8_000_000_001, 0, 2)]
    [InlineData(24_000_000_000, 0, 3)]
    [InlineData(24_000_000_000, 8_000_000_000, 2)]
    [InlineData(24_000_000_000, 30_000_000_000, 0)]
    public void TicketsFor_IsTheCeilingOfTheGapOverTheEv(long fee, long credit, int expected)
    {
        // The vector's win probability is rounded up, so its exact EV is a hair over 8e9 wei: 8e9 + 1 still needs 2.
        Assert.Equal(expected, (int)TicketMath.TicketsFor(fee, credit, WorkedExample.FaceValue, WorkedExample.WinProb));
    }

    [Fact]
    public void TicketsFor_ZeroEv_Throws() =>
        Assert.Throws<ArgumentException>(() => TicketMath.TicketsFor(1, 0, WorkedExample.FaceValue, 0));

    [Fact]
    public void UInt256_Forms_ZeroIsEmptyInMinimalForm()
    {
        Assert.Empty(UInt256.ToMinimal(0));
        Assert.Equal(new byte[32], UInt256.ToWord(0));
        Assert.Equal([0x0d, 0xac], UInt256.ToMinimal(3500));
        Assert.Throws<ArgumentOutOfRangeException>(() => UInt256.ToWord(UInt256.Max + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => UInt256.ToMinimal(-1));
        Assert.Throws<ArgumentException>(() => UInt256.FromBytes(new byte[33]));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("12345678901234567890")]
    [InlineData("3/7")]
    [InlineData("-3/7")]
    public void WeiParse_WhatToStringWrites_RoundTrips(string text) => Assert.Equal(text, Wei.Parse(text).ToString());

    [Fact]
    public void WeiEquality_ZeroHoweverMade_Equal()
    {
        Assert.Equal(Wei.Zero, Wei.Parse("0"));
        Assert.Equal(Wei.Zero, Wei.Of(5) - Wei.Of(5));
        Assert.Equal(Wei.Zero.GetHashCode(), Wei.Parse("0").GetHashCode());
        Assert.Equal(Wei.Fraction(2, 4), Wei.Parse("1/2"));
    }

    [Theory]
    [InlineData("1/0")]
    [InlineData("x")]
    [InlineData("1/-2")]
    public void WeiParse_Garbage_FormatException(string text) => Assert.ThrowsAny<FormatException>(() => Wei.Parse(text));
}
