namespace Livepeer.Media;

internal static partial class ImageStructure
{
    private const int GifHeaderAndScreenDescriptor = 13;

    // Only the first frame is decoded, so the walk stops once that frame's data sub-blocks are complete.
    private static bool IsCompleteGif(ReadOnlySpan<byte> data)
    {
        if (data.Length < GifHeaderAndScreenDescriptor)
            return false;
        long pos = GifHeaderAndScreenDescriptor + ColorTableLength(data[10]);
        while (pos < data.Length)
        {
            switch (data[(int)pos])
            {
                case 0x21:
                    pos = SkipSubBlocks(data, pos + 2);
                    break;
                case 0x2C:
                    if (pos + 10 > data.Length)
                        return false;
                    pos += 10 + ColorTableLength(data[(int)pos + 9]) + 1;
                    return SkipSubBlocks(data, pos) >= 0;
                default:
                    return false;
            }
            if (pos < 0)
                return false;
        }
        return false;
    }

    private static int ColorTableLength(byte packedFields) =>
        (packedFields & 0x80) == 0 ? 0 : 3 * (1 << ((packedFields & 0x07) + 1));

    // Returns the position after the zero-length terminator, or -1 when the data ends first.
    private static long SkipSubBlocks(ReadOnlySpan<byte> data, long pos)
    {
        while (pos < data.Length)
        {
            var size = data[(int)pos];
            pos += 1 + size;
            if (size == 0)
                return pos;
        }
        return -1;
    }
}
