using System.Buffers.Binary;

namespace Livepeer.Media;

internal static partial class ImageStructure
{
    private const ushort TiffStripOffsets = 273;
    private const ushort TiffStripByteCounts = 279;
    private const ushort TiffTileOffsets = 324;
    private const ushort TiffTileByteCounts = 325;
    private const ushort TiffShort = 3;
    private const ushort TiffLong = 4;
    private const int TiffEntrySize = 12;

    // Only the first IFD is decoded: each of its strips or tiles must lie inside the data.
    private static bool IsCompleteTiff(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
            return false;
        var littleEndian = data[0] == (byte)'I';
        long ifd = ReadUInt32(data[4..], littleEndian);
        if (ifd + 2 > data.Length)
            return false;
        var entries = ReadUInt16(data[(int)ifd..], littleEndian);
        if (ifd + 2 + ((long)entries * TiffEntrySize) > data.Length)
            return false;

        long offsetsEntry = -1, countsEntry = -1;
        for (var i = 0; i < entries; i++)
        {
            var entry = ifd + 2 + ((long)i * TiffEntrySize);
            var tag = ReadUInt16(data[(int)entry..], littleEndian);
            if (tag is TiffStripOffsets or TiffTileOffsets)
                offsetsEntry = entry;
            else if (tag is TiffStripByteCounts or TiffTileByteCounts)
                countsEntry = entry;
        }
        if (offsetsEntry < 0 || countsEntry < 0)
            return false;
        if (!TryLocateValues(data, offsetsEntry, littleEndian, out var offsets) ||
            !TryLocateValues(data, countsEntry, littleEndian, out var counts) ||
            offsets.Count != counts.Count)
        {
            return false;
        }
        for (var i = 0; i < offsets.Count; i++)
        {
            if (offsets.Read(data, i, littleEndian) + counts.Read(data, i, littleEndian) > data.Length)
                return false;
        }
        return true;
    }

    private static bool TryLocateValues(ReadOnlySpan<byte> data, long entry, bool littleEndian, out TiffValues values)
    {
        values = default;
        var type = ReadUInt16(data[((int)entry + 2)..], littleEndian);
        if (type is not (TiffShort or TiffLong))
            return false;
        var elementSize = type == TiffShort ? 2 : 4;
        long count = ReadUInt32(data[((int)entry + 4)..], littleEndian);
        var total = count * elementSize;
        var start = total <= 4 ? entry + 8 : ReadUInt32(data[((int)entry + 8)..], littleEndian);
        if (count == 0 || start + total > data.Length)
            return false;
        values = new TiffValues((int)start, (int)count, elementSize);
        return true;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> data, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(data) : BinaryPrimitives.ReadUInt16BigEndian(data);

    private static uint ReadUInt32(ReadOnlySpan<byte> data, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data) : BinaryPrimitives.ReadUInt32BigEndian(data);

    private readonly record struct TiffValues(int Start, int Count, int ElementSize)
    {
        public long Read(ReadOnlySpan<byte> data, int index, bool littleEndian)
        {
            var at = data[(Start + (index * ElementSize))..];
            return ElementSize == 2 ? ReadUInt16(at, littleEndian) : ReadUInt32(at, littleEndian);
        }
    }
}
