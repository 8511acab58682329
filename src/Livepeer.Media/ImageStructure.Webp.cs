using System.Buffers.Binary;

namespace Livepeer.Media;

internal static partial class ImageStructure
{
    private const int RiffHeaderSize = 12;
    private const int RiffChunkHeaderSize = 8;

    // Every chunk must fit inside the declared RIFF size, which must fit inside the data.
    private static bool IsCompleteWebp(ReadOnlySpan<byte> data)
    {
        if (data.Length < RiffHeaderSize)
            return false;
        var end = 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (end > data.Length)
            return false;
        long pos = RiffHeaderSize;
        var sawImage = false;
        while (pos + RiffChunkHeaderSize <= end)
        {
            var fourCc = data.Slice((int)pos, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(data[((int)pos + 4)..]);
            if (pos + RiffChunkHeaderSize + size > end)
                return false;
            if (fourCc.SequenceEqual("VP8 "u8) || fourCc.SequenceEqual("VP8L"u8))
                sawImage = true;
            pos += RiffChunkHeaderSize + size + (size & 1);
        }
        return sawImage;
    }
}
