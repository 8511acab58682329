using System.Numerics;

namespace Livepeer.Payments;

/// <summary>A <c>Livepeer-Payment</c> header that cannot be read; the message says what is wrong.</summary>
public sealed class PaymentHeaderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The <c>Livepeer-Payment</c> HTTP header: standard base64 (with padding) of the protobuf <c>net.Payment</c>, wire
/// compatible with go-livepeer. Numbers are minimal big-endian bytes (zero is empty); missing fields read as zero.
/// </summary>
public static class PaymentHeader
{
    /// <summary>The header's name.</summary>
    public const string Name = "Livepeer-Payment";

    /// <summary>Largest header accepted (a payment of 600 tickets is about 45 KB).</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>The protobuf bytes of <paramref name="payment"/>.</summary>
    public static byte[] ToBytes(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var writer = new ProtoWriter().Message(1, payment.TicketParams is { } p ? TicketParams(p) : null)
            .Bytes(2, payment.Sender.Bytes)
            .Message(3, payment.Expiration is { } e ? Expiration(e) : null);
        foreach (var ticket in payment.Tickets)
            writer.Message(4, new ProtoWriter().Varint(1, ticket.SenderNonce).Bytes(2, ticket.Signature));
        if (payment.ExpectedPrice is { } price)
            writer.Message(5, Price(price));
        return writer.ToArray();
    }

    /// <summary>The header value for <paramref name="payment"/>.</summary>
    public static string Encode(Payment payment) => Convert.ToBase64String(ToBytes(payment));

    /// <summary>Reads a header value.</summary>
    /// <exception cref="PaymentHeaderException">Not base64, not a <c>net.Payment</c>, or over <see cref="MaxLength"/>.</exception>
    public static Payment Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxLength)
            throw new PaymentHeaderException($"The {Name} header is {value.Length} characters; the limit is {MaxLength}.");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException e)
        {
            throw new PaymentHeaderException($"The {Name} header is not base64.", e);
        }

        try
        {
            return ReadPayment(bytes);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new PaymentHeaderException($"The {Name} header is not a valid payment: {e.Message}", e);
        }
    }

    /// <summary>
    /// Ticket parameters and the price they are bound to as an orchestrator hands them to a sender: the protobuf of a
    /// go-livepeer <c>net.OrchestratorInfo</c> holding only <c>ticket_params</c> (2, with its expiration params) and <c>price_info</c> (3).
    /// </summary>
    public static byte[] TicketOffer(PaymentTicketParams parameters, PriceInfo price)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(price);
        return new ProtoWriter().Message(2, TicketParams(parameters)).Message(3, Price(price)).ToArray();
    }

    /// <summary>Reads what <see cref="TicketOffer"/> writes (or any <c>net.OrchestratorInfo</c>).</summary>
    /// <exception cref="PaymentHeaderException">Not an OrchestratorInfo with ticket parameters, their expiration and a price.</exception>
    public static (PaymentTicketParams Parameters, ExpirationParams Expiration, PriceInfo Price) ReadTicketOffer(ReadOnlySpan<byte> bytes)
    {
        PaymentTicketParams? parameters = null;
        PriceInfo? price = null;
        try
        {
            var reader = new ProtoReader(bytes);
            while (reader.Next())
            {
                switch (reader.Field)
                {
                    case 2: parameters = ReadTicketParams(reader.LengthDelimited()); break;
                    case 3: price = ReadPrice(reader.LengthDelimited()); break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new PaymentHeaderException($"Not an OrchestratorInfo: {e.Message}", e);
        }

        return parameters is { Expiration: { } expiration } && price is not null
            ? (parameters, expiration, price)
            : throw new PaymentHeaderException("The OrchestratorInfo lacks ticket parameters, their expiration parameters or a price.");
    }

    private static ProtoWriter Price(PriceInfo price) =>
        new ProtoWriter().Int64(1, price.PricePerUnit).Int64(2, price.PixelsPerUnit).Varint(3, price.Capability).String(4, price.Constraint);

    private static ProtoWriter TicketParams(PaymentTicketParams p) => new ProtoWriter()
        .Bytes(1, p.Recipient.Bytes)
        .Bytes(2, UInt256.ToMinimal(p.FaceValue))
        .Bytes(3, UInt256.ToMinimal(p.WinProb))
        .Bytes(4, p.RecipientRandHash)
        .Bytes(5, UInt256.ToMinimal(p.Seed))
        .Bytes(6, UInt256.ToMinimal(p.ExpirationBlock))
        .Message(7, p.Expiration is { } e ? Expiration(e) : null);

    private static ProtoWriter Expiration(ExpirationParams e) => new ProtoWriter().Int64(1, e.CreationRound).Bytes(2, e.CreationRoundBlockHash);

    private static Payment ReadPayment(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtoReader(bytes);
        PaymentTicketParams? parameters = null;
        var sender = default(EthAddress);
        ExpirationParams? expiration = null;
        var tickets = new List<SenderParams>();
        PriceInfo? price = null;
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: parameters = ReadTicketParams(reader.LengthDelimited()); break;
                case 2: sender = Address(reader.LengthDelimited()); break;
                case 3: expiration = ReadExpiration(reader.LengthDelimited()); break;
                case 4: tickets.Add(ReadSenderParams(reader.LengthDelimited())); break;
                case 5: price = ReadPrice(reader.LengthDelimited()); break;
                default: reader.Skip(); break;
            }
        }

        return new Payment { TicketParams = parameters, Sender = sender, Expiration = expiration, Tickets = tickets, ExpectedPrice = price };
    }

    private static PaymentTicketParams ReadTicketParams(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtoReader(bytes);
        var recipient = default(EthAddress);
        BigInteger faceValue = 0, winProb = 0, seed = 0, expirationBlock = 0;
        byte[] randHash = [];
        ExpirationParams? expiration = null;
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: recipient = Address(reader.LengthDelimited()); break;
                case 2: faceValue = UInt256.FromBytes(reader.LengthDelimited()); break;
                case 3: winProb = UInt256.FromBytes(reader.LengthDelimited()); break;
                case 4: randHash = reader.LengthDelimited().ToArray(); break;
                case 5: seed = UInt256.FromBytes(reader.LengthDelimited()); break;
                case 6: expirationBlock = UInt256.FromBytes(reader.LengthDelimited()); break;
                case 7: expiration = ReadExpiration(reader.LengthDelimited()); break;
                default: reader.Skip(); break;
            }
        }

        return new PaymentTicketParams
        {
            Recipient = recipient, FaceValue = faceValue, WinProb = winProb, RecipientRandHash = randHash,
            Seed = seed, ExpirationBlock = expirationBlock, Expiration = expiration,
        };
    }

    private static ExpirationParams ReadExpiration(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtoReader(bytes);
        long round = 0;
        byte[] hash = [];
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: round = unchecked((long)reader.Varint()); break;
                case 2: hash = reader.LengthDelimited().ToArray(); break;
                default: reader.Skip(); break;
            }
        }

        return new ExpirationParams(round, hash);
    }

    private static SenderParams ReadSenderParams(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtoReader(bytes);
        uint nonce = 0;
        byte[] signature = [];
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: nonce = unchecked((uint)reader.Varint()); break;
                case 2: signature = reader.LengthDelimited().ToArray(); break;
                default: reader.Skip(); break;
            }
        }

        return new SenderParams(nonce, signature);
    }

    private static PriceInfo ReadPrice(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtoReader(bytes);
        long perUnit = 0, pixels = 0;
        uint capability = 0;
        var constraint = "";
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: perUnit = unchecked((long)reader.Varint()); break;
                case 2: pixels = unchecked((long)reader.Varint()); break;
                case 3: capability = unchecked((uint)reader.Varint()); break;
                case 4: constraint = System.Text.Encoding.UTF8.GetString(reader.LengthDelimited()); break;
                default: reader.Skip(); break;
            }
        }

        return new PriceInfo(perUnit, pixels, capability, constraint);
    }

    /// <summary>Go's <c>BytesToAddress</c>: the last 20 bytes, left-padded with zeros when shorter.</summary>
    private static EthAddress Address(ReadOnlySpan<byte> bytes)
    {
        Span<byte> address = stackalloc byte[20];
        var take = bytes[Math.Max(0, bytes.Length - 20)..];
        take.CopyTo(address[(20 - take.Length)..]);
        return EthAddress.FromBytes(address);
    }
}
