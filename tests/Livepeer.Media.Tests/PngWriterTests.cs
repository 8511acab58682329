using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Livepeer.Media.Tests;

/// <summary>The PNG writer: valid chunks and checksums, the Up filter on every row, and exact pixels back through ImageSharp.</summary>
public sealed class PngWriterTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(513, 2)]
    [InlineData(64, 64)]
    public void Encode_AnySize_DecodesBackToTheSamePixels(int width, int height)
    {
        var rgb = new byte[3 * width * height];
        new Random(width * 31 + height).NextBytes(rgb);
        var image = new RgbImage(width, height, rgb);

        Assert.Equal(image, ImageCodec.Decode(ImageCodec.EncodePng(image), ImageLimits.Default));
    }

    [Fact]
    public void Encode_ChunksHaveValidLengthsAndCrcs_HeaderSaysRgb8()
    {
        var png = ImageCodec.EncodePng(new RgbImage(5, 4, new byte[60]));

        var chunks = Chunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        var header = chunks[0].Data;
        Assert.Equal((5, 4), (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4))));
        Assert.Equal(new byte[] { 8, 2, 0, 0, 0 }, header[8..]);
    }

    [Fact]
    public void Encode_EveryRowUsesTheUpFilter()
    {
        var rgb = new byte[3 * 4 * 3];
        for (var i = 0; i < rgb.Length; i++) rgb[i] = (byte)(i * 7);

        var idat = Chunks(ImageCodec.EncodePng(new RgbImage(4, 3, rgb))).Single(c => c.Type == "IDAT").Data;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(idat), CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var rows = inflated.ToArray();

        Assert.Equal(3 * 13, rows.Length);
        Assert.All(Enumerable.Range(0, 3), y => Assert.Equal(2, rows[y * 13]));
        Assert.Equal(rgb[..12], rows[1..13]);
        Assert.Equal((byte)(rgb[12] - rgb[0]), rows[14]);
    }

    private static List<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var typed = png.AsSpan(at + 4, 4 + length);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)), Crc32.HashToUInt32(typed));
            chunks.Add((System.Text.Encoding.ASCII.GetString(typed[..4]), typed[4..].ToArray()));
            at += 12 + length;
        }

        return chunks;
    }
}
