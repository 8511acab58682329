using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace Livepeer.Payments;

/// <summary>A 20-byte Ethereum account address, compared by value.</summary>
public readonly struct EthAddress : IEquatable<EthAddress>
{
    private readonly byte[]? bytes;

    private EthAddress(byte[] bytes) => this.bytes = bytes;

    /// <summary>The 20 bytes (all zero for <c>default</c>).</summary>
    public ReadOnlySpan<byte> Bytes => bytes ?? new byte[20];

    /// <summary>Parses <c>0x</c> and 40 hex digits (any case; the EIP-55 checksum is not required).</summary>
    /// <exception cref="FormatException">Not an address.</exception>
    public static EthAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (hex.Length != 40 || !hex.All(Uri.IsHexDigit))
            throw new FormatException($"'{text}' is not an Ethereum address (0x and 40 hex digits).");
        return new EthAddress(hex.HexToByteArray());
    }

    /// <summary>An address from exactly 20 bytes.</summary>
    /// <exception cref="ArgumentException">Not 20 bytes.</exception>
    public static EthAddress FromBytes(ReadOnlySpan<byte> value) =>
        value.Length == 20 ? new EthAddress(value.ToArray()) : throw new ArgumentException($"An address is 20 bytes, not {value.Length}.", nameof(value));

    /// <summary>The EIP-55 checksummed text.</summary>
    public override string ToString() => new AddressUtil().ConvertToChecksumAddress(Bytes.ToArray().ToHex(prefix: true));

    /// <inheritdoc />
    public bool Equals(EthAddress other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EthAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(Bytes[..4]).GetHashCode();

    /// <summary>Value equality.</summary>
    public static bool operator ==(EthAddress left, EthAddress right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EthAddress left, EthAddress right) => !left.Equals(right);
}
