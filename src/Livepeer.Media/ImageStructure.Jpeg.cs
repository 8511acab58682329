using System.Buffers.Binary;

namespace Livepeer.Media;

internal static partial class ImageStructure
{
    private const byte JpegStartOfScan = 0xDA;
    private const byte JpegEndOfImage = 0xD9;

    // Walks marker segments by their lengths and entropy-coded scans up to the next real marker; complete at EOI.
    private static bool IsCompleteJpeg(ReadOnlySpan<byte> data)
    {
        var pos = 2;
        var sawScan = false;
        while (pos < data.Length)
        {
            if (data[pos] != 0xFF)
                return false;
            while (pos < data.Length && data[pos] == 0xFF)
                pos++;
            if (pos >= data.Length)
                return false;
            var marker = data[pos++];
            if (marker == JpegEndOfImage)
                return sawScan;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
                continue;
            if (pos + 2 > data.Length)
                return false;
            var segmentLength = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]);
            if (segmentLength < 2 || pos + segmentLength > data.Length)
                return false;
            pos += segmentLength;
            if (marker == JpegStartOfScan)
            {
                sawScan = true;
                pos = SkipEntropyCodedData(data, pos);
                if (pos < 0)
                    return false;
            }
        }
        return false;
    }

    // Inside a scan 0xFF is followed by a stuffed 0x00 or a restart marker; anything else starts the next segment.
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> data, int pos)
    {
        while (true)
        {
            var found = data[pos..].IndexOf((byte)0xFF);
            if (found < 0)
                return -1;
            pos += found;
            if (pos + 1 >= data.Length)
                return -1;
            var next = data[pos + 1];
            if (next is 0x00 or (>= 0xD0 and <= 0xD7))
                pos += 2;
            else if (next == 0xFF)
                pos++;
            else
                return pos;
        }
    }
}
