using System.Globalization;
using System.Numerics;

namespace Livepeer.Payments.Tests;

/// <summary>Signatures go-livepeer and the TicketBroker refuse are refused here too, each with its reason.</summary>
public sealed class SignatureRejectionTests
{
    private static readonly BigInteger CurveOrder = BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337", CultureInfo.InvariantCulture);
    private readonly byte[] hash = WorkedExample.Ticket(1).Hash();
    private readonly byte[] signature;

    public SignatureRejectionTests() => signature = TicketSignature.Sign(hash, WorkedExample.SenderKey);

    [Fact]
    public void HighS_TheMalleableTwin_IsRefused()
    {
        // (r, n − s, v flipped) recovers the same key mathematically; go and OpenZeppelin refuse it anyway.
        var s = UInt256.FromBytes(signature.AsSpan(32, 32));
        byte[] twin = [.. signature[..32], .. UInt256.ToWord(CurveOrder - s), (byte)(signature[64] == 27 ? 28 : 27)];

        Assert.Equal(SignatureProblem.HighS, TicketSignature.Verify(hash, twin, WorkedExample.Sender));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(29)]
    public void VOtherThan27Or28_IsRefused(byte v)
    {
        byte[] changed = [.. signature[..64], v];

        Assert.Equal(SignatureProblem.InvalidV, TicketSignature.Verify(hash, changed, WorkedExample.Sender));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    [InlineData(66)]
    public void WrongLength_IsRefused(int length)
    {
        var changed = new byte[length];
        signature.AsSpan(0, Math.Min(length, 65)).CopyTo(changed);

        Assert.Equal(SignatureProblem.InvalidLength, TicketSignature.Verify(hash, changed, WorkedExample.Sender));
    }

    [Fact]
    public void OtherSignerOrOtherTicket_IsWrongSigner()
    {
        Assert.Equal(SignatureProblem.WrongSigner, TicketSignature.Verify(hash, signature, WorkedExample.Recipient));
        Assert.Equal(SignatureProblem.WrongSigner, TicketSignature.Verify(WorkedExample.Ticket(2).Hash(), signature, WorkedExample.Sender));
    }

    [Fact]
    public void ZeroR_CannotBeRecovered()
    {
        byte[] changed = [.. new byte[32], .. signature[32..]];

        Assert.Equal(SignatureProblem.Unrecoverable, TicketSignature.Verify(hash, changed, WorkedExample.Sender));
    }
}
