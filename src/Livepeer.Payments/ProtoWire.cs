using System.Buffers;
using System.Text;

namespace Livepeer.Payments;

/// <summary>
/// The proto3 wire format for the few messages payments use: varints and length-delimited fields, written in tag order
/// with zero and empty values left out (as every conformant encoder does), read with unknown fields skipped.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new();

    public ProtoWriter Varint(int field, ulong value)
    {
        if (value == 0)
            return this;
        Key(field, 0);
        WriteVarint(value);
        return this;
    }

    public ProtoWriter Int64(int field, long value) => Varint(field, unchecked((ulong)value));

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
            return this;
        Key(field, 2);
        WriteVarint((ulong)value.Length);
        buffer.Write(value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>An embedded message, written when not null, even when empty (proto3 keeps a set sub-message).</summary>
    public ProtoWriter Message(int field, ProtoWriter? message)
    {
        if (message is null)
            return this;
        var bytes = message.ToArray();
        Key(field, 2);
        WriteVarint((ulong)bytes.Length);
        buffer.Write(bytes);
        return this;
    }

    public byte[] ToArray() => buffer.WrittenSpan.ToArray();

    private void Key(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            buffer.Write([(byte)(value | 0x80)]);
            value >>= 7;
        }

        buffer.Write([(byte)value]);
    }
}

/// <summary>Reads proto3 fields one by one; malformed input throws <see cref="FormatException"/>.</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    public int Field { get; private set; }

    public int WireType { get; private set; }

    /// <summary>Moves to the next field; false at the end.</summary>
    public bool Next()
    {
        if (position >= data.Length)
            return false;
        var key = ReadVarint();
        Field = checked((int)(key >> 3));
        WireType = (int)(key & 7);
        if (Field == 0)
            throw new FormatException("Field number 0 is not allowed.");
        return true;
    }

    public ulong Varint() => WireType == 0 ? ReadVarint() : throw new FormatException($"Field {Field} should be a varint, not wire type {WireType}.");

    public ReadOnlySpan<byte> LengthDelimited()
    {
        if (WireType != 2)
            throw new FormatException($"Field {Field} should be length-delimited, not wire type {WireType}.");
        var length = ReadVarint();
        if (length > (ulong)(data.Length - position))
            throw new FormatException($"Field {Field} claims {length} bytes; only {data.Length - position} remain.");
        var value = data.Slice(position, (int)length);
        position += (int)length;
        return value;
    }

    /// <summary>Skips a field this reader does not know, as proto3 requires.</summary>
    public void Skip()
    {
        switch (WireType)
        {
            case 0: ReadVarint(); break;
            case 1: Advance(8); break;
            case 2: LengthDelimited(); break;
            case 5: Advance(4); break;
            default: throw new FormatException($"Field {Field} has unsupported wire type {WireType}.");
        }
    }

    private void Advance(int count)
    {
        if (count > data.Length - position)
            throw new FormatException("The message ends inside a field.");
        position += count;
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (position >= data.Length)
                throw new FormatException("The message ends inside a varint.");
            var next = data[position++];
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
                return value;
        }

        throw new FormatException("A varint is longer than 10 bytes.");
    }
}
