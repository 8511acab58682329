using System.Buffers.Binary;

namespace Livepeer.Media;

internal static partial class ImageStructure
{
    private const int BmpFileHeaderSize = 14;
    private const int BmpCoreHeaderSize = 12;
    private const int BmpInfoHeaderSize = 40;

    // The pixel array must fit after its offset; the last row's alignment padding may be missing.
    private static bool IsCompleteBmp(ReadOnlySpan<byte> data)
    {
        if (data.Length < BmpFileHeaderSize + BmpCoreHeaderSize)
            return false;
        var pixelOffset = BinaryPrimitives.ReadUInt32LittleEndian(data[10..]);
        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        long width, height, bitsPerPixel, compression = 0, imageSize = 0;
        if (headerSize == BmpCoreHeaderSize)
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(data[18..]);
            height = BinaryPrimitives.ReadInt16LittleEndian(data[20..]);
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data[24..]);
        }
        else
        {
            if (data.Length < BmpFileHeaderSize + BmpInfoHeaderSize)
                return false;
            width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
            height = BinaryPrimitives.ReadInt32LittleEndian(data[22..]);
            bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]);
            compression = BinaryPrimitives.ReadUInt32LittleEndian(data[30..]);
            imageSize = BinaryPrimitives.ReadUInt32LittleEndian(data[34..]);
        }
        height = Math.Abs(height);
        if (width <= 0 || height == 0)
            return false;
        long required;
        if (compression is 0 or 3 or 6)
        {
            if (bitsPerPixel == 0)
                return false;
            var rowBytes = (bitsPerPixel * width + 7) / 8;
            var stride = (bitsPerPixel * width + 31) / 32 * 4;
            required = stride * (height - 1) + rowBytes;
        }
        else
        {
            // RLE and embedded JPEG/PNG: only the declared size can be checked.
            required = imageSize;
        }
        return pixelOffset + required <= data.Length;
    }
}
