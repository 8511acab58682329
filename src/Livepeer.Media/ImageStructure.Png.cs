using System.Buffers.Binary;

namespace Livepeer.Media;

internal static partial class ImageStructure
{
    // Every chunk must fit, IHDR must come first, and the walk must reach IEND after at least one IDAT.
    private static bool IsCompletePng(ReadOnlySpan<byte> data)
    {
        long pos = 8;
        var sawData = false;
        while (pos + 8 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[(int)pos..]);
            var type = data.Slice((int)pos + 4, 4);
            var end = pos + 12 + length;
            if (end > data.Length)
                return false;
            if (type.SequenceEqual("IHDR"u8) != (pos == 8))
                return false;
            if (type.SequenceEqual("IDAT"u8))
                sawData = true;
            else if (type.SequenceEqual("IEND"u8))
                return sawData;
            pos = end;
        }
        return false;
    }
}
