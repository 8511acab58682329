using Nethereum.Hex.HexConvertors.Extensions;

namespace Livepeer.Payments.Tests;

/// <summary>The <c>Livepeer-Payment</c> header: payments-pm.md §4.6 reproduced exactly, and bad headers refused clearly.</summary>
public sealed class PaymentHeaderTests
{
    private const string Example =
        "CokBChRwmXlwxRgS3DoBDH0BtQ4NF9x5yBIHBENkxbsAABoeb9kdhLzaWBdf36s9d6Fo4ok+SViAO2tXroTvy/AAIiCZqK9fFGJ4bXAs2RxfKDRGGufLbimP4AUDnvWJYDpuNiog" +
        "EREREREREREREREREREREREREREREREREREREREREREyBAExLSgSFPOf1uUarYj29M5quIJyec//uSJmGiUIrBsSIFZQcuduXXuiusJtZ+GA/iMl6r7Qce//JS5Bv2js7Dp0IkUIARJB" +
        "Xr3yu82KPjqnkDz4UMyZ7WTEa+U4MP+yAbKoIHM5STtrIpz8EkNygfLjFGNz7D3DO68KmujKmlvAgEFifNfWlBwiRQgCEkFFk1CRdP5BuJyYqPXDlEC4rAtl91Va9TcSz31MyJDtN2s09" +
        "Rvlz52DZE2FsF+mvdAjf8HdkRBWGEtARzVTmXjSGyoFCMwIEAE=";

    [Fact]
    public void Encode_TheVectorsTwoTickets_GivesTheExampleHeaderExactly()
    {
        var payment = ExamplePayment();

        var header = PaymentHeader.Encode(payment);

        Assert.Equal(350, PaymentHeader.ToBytes(payment).Length);
        Assert.Equal(Example, header);
    }

    [Fact]
    public void Decode_TheExample_GivesBackEveryFieldAndTheSignedTickets()
    {
        var payment = PaymentHeader.Decode(Example);

        Assert.Equal(WorkedExample.Sender, payment.Sender);
        var parameters = payment.TicketParams!;
        Assert.Equal(WorkedExample.Recipient, parameters.Recipient);
        Assert.Equal(WorkedExample.FaceValue, parameters.FaceValue);
        Assert.Equal(WorkedExample.WinProb, parameters.WinProb);
        Assert.Equal(WorkedExample.Seed, parameters.Seed);
        Assert.Equal(WorkedExample.ExpirationBlock, parameters.ExpirationBlock);
        Assert.Null(parameters.Expiration);
        Assert.Equal(new ExpirationParams(WorkedExample.CreationRound, WorkedExample.CreationRoundBlockHash).CreationRound, payment.Expiration!.CreationRound);
        Assert.Equal(new PriceInfo(1100, 1), payment.ExpectedPrice);
        Assert.Equal([1u, 2u], payment.Tickets.Select(t => t.SenderNonce));
        for (var i = 0; i < 2; i++)
        {
            var ticket = payment.TicketAt(i);
            Assert.Equal(WorkedExample.Ticket((uint)i + 1).Hash(), ticket.Hash());
            Assert.Equal(SignatureProblem.None, TicketSignature.Verify(ticket.Hash(), payment.Tickets[i].Signature, payment.Sender));
        }
    }

    [Fact]
    public void ZeroValues_AreLeftOut_AndReadBackAsZero()
    {
        var payment = new Payment { Sender = WorkedExample.Sender, ExpectedPrice = new PriceInfo(0, 1) };

        var bytes = PaymentHeader.ToBytes(payment);
        var back = PaymentHeader.Decode(Convert.ToBase64String(bytes));

        Assert.Equal("1214f39fd6e51aad88f6f4ce6ab8827279cfffb922662a021001", bytes.ToHex());
        Assert.Null(back.TicketParams);
        Assert.Empty(back.Tickets);
        Assert.Equal(new PriceInfo(0, 1), back.ExpectedPrice);
    }

    [Fact]
    public void UnknownFields_AreSkipped()
    {
        // Field 15 (varint 7) and field 14 (bytes) appended, as a newer go-livepeer might send.
        var bytes = PaymentHeader.ToBytes(ExamplePayment()).Concat(new byte[] { 0x78, 0x07, 0x72, 0x01, 0xAA }).ToArray();

        var payment = PaymentHeader.Decode(Convert.ToBase64String(bytes));

        Assert.Equal(2, payment.Tickets.Count);
    }

    [Theory]
    [InlineData("not base64!", "not base64")]
    [InlineData("CokB", "claims 137 bytes")]
    [InlineData("/////////////w==", "varint")]
    [InlineData("Cg==", "ends inside a varint")]
    [InlineData("AA==", "Field number 0")]
    [InlineData("EgMBAgM=", "")]
    public void Decode_Malformed_ThrowsAPaymentHeaderError(string header, string message)
    {
        if (message.Length == 0)
        {
            // A 3-byte sender is not an error in go (BytesToAddress pads it); the address reads left-padded.
            Assert.Equal("0x0000000000000000000000000000000000010203", PaymentHeader.Decode(header).Sender.ToString().ToLowerInvariant());
            return;
        }

        var error = Assert.Throws<PaymentHeaderException>(() => PaymentHeader.Decode(header));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OverTheLengthLimit_IsRefusedBeforeDecoding()
    {
        var error = Assert.Throws<PaymentHeaderException>(() => PaymentHeader.Decode(new string('A', PaymentHeader.MaxLength + 4)));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    private static Payment ExamplePayment()
    {
        var ticket = WorkedExample.Ticket(1);
        return new Payment
        {
            TicketParams = new PaymentTicketParams
            {
                Recipient = WorkedExample.Recipient,
                FaceValue = WorkedExample.FaceValue,
                WinProb = WorkedExample.WinProb,
                RecipientRandHash = ticket.RecipientRandHash,
                Seed = WorkedExample.Seed,
                ExpirationBlock = WorkedExample.ExpirationBlock,
            },
            Sender = WorkedExample.Sender,
            Expiration = new ExpirationParams(WorkedExample.CreationRound, WorkedExample.CreationRoundBlockHash),
            Tickets =
            [
                new SenderParams(1, TicketSignature.Sign(ticket.Hash(), WorkedExample.SenderKey)),
                new SenderParams(2, TicketSignature.Sign(WorkedExample.Ticket(2).Hash(), WorkedExample.SenderKey)),
            ],
            ExpectedPrice = new PriceInfo(1100, 1),
        };
    }
}
