using System.Buffers.Binary;
using System.IO.Compression;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace Livepeer.Media.Tests;

/// <summary>Test images, generated with ImageSharp or assembled byte by byte.</summary>
internal static class TestImages
{
    /// <summary>A few flat blocks of colour, so palette formats (GIF) also round-trip exactly.</summary>
    public static Rgb24 BlockColor(int x, int y) => new((byte)(40 * (x / 8)), (byte)(60 * (y / 8)), (byte)(x / 8 % 2 * 200));

    /// <summary>Every pixel different.</summary>
    public static Rgb24 Gradient(int x, int y) => new((byte)(x * 7), (byte)(y * 11), (byte)((x + y) * 3));

    public static Image<Rgb24> Create(int width, int height, Func<int, int, Rgb24> color)
    {
        var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
                image[x, y] = color(x, y);
        }
        return image;
    }

    public static RgbImage ToRgbImage(Image<Rgb24> image)
    {
        var rgb = new byte[image.Width * image.Height * 3];
        image.CopyPixelDataTo(rgb);
        return new RgbImage(image.Width, image.Height, rgb);
    }

    public static IImageEncoder Encoder(MediaFormat format) => format switch
    {
        MediaFormat.Png => new PngEncoder(),
        MediaFormat.Jpeg => new JpegEncoder { Quality = 95 },
        MediaFormat.Gif => new GifEncoder(),
        MediaFormat.Bmp => new BmpEncoder { BitsPerPixel = BmpBitsPerPixel.Pixel24 },
        MediaFormat.Webp => new WebpEncoder { FileFormat = WebpFileFormatType.Lossless },
        MediaFormat.Tiff => new TiffEncoder(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static byte[] Encode<TPixel>(Image<TPixel> image, IImageEncoder encoder)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    public static byte[] Encode(MediaFormat format, int width, int height, Func<int, int, Rgb24> color)
    {
        using var image = Create(width, height, color);
        return Encode(image, Encoder(format));
    }

    /// <summary>The chunk types of a PNG, in order.</summary>
    public static List<string> PngChunkTypes(byte[] png)
    {
        var types = new List<string>();
        for (var pos = 8; pos + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            types.Add(System.Text.Encoding.ASCII.GetString(png, pos + 4, 4));
            pos += 12 + length;
        }
        return types;
    }

    /// <summary>
    /// An animated WebP whose frames are the given lossless stills, each covering the canvas; ImageSharp 2.1 cannot
    /// encode animations, so the RIFF is assembled here from each still's VP8L chunk.
    /// </summary>
    public static byte[] AnimatedWebp(IReadOnlyList<byte[]> losslessStills, int width, int height)
    {
        using var body = new MemoryStream();
        var vp8x = new byte[10];
        vp8x[0] = 0x02; // animation flag
        WriteUInt24(vp8x.AsSpan(4), width - 1);
        WriteUInt24(vp8x.AsSpan(7), height - 1);
        WriteRiffChunk(body, "VP8X", vp8x);
        WriteRiffChunk(body, "ANIM", [0, 0, 0, 0, 0, 0]);
        foreach (var still in losslessStills)
        {
            var frame = new MemoryStream();
            var frameHeader = new byte[16];
            WriteUInt24(frameHeader.AsSpan(6), width - 1);
            WriteUInt24(frameHeader.AsSpan(9), height - 1);
            WriteUInt24(frameHeader.AsSpan(12), 100); // duration ms; flags byte 0
            frame.Write(frameHeader);
            WriteRiffChunk(frame, "VP8L", FindRiffChunk(still, "VP8L"));
            WriteRiffChunk(body, "ANMF", frame.ToArray());
        }

        using var file = new MemoryStream();
        file.Write("RIFF"u8);
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, 4 + (int)body.Length);
        file.Write(size);
        file.Write("WEBP"u8);
        body.Position = 0;
        body.CopyTo(file);
        return file.ToArray();
    }

    private static void WriteRiffChunk(Stream output, string fourCc, ReadOnlySpan<byte> data)
    {
        output.Write(System.Text.Encoding.ASCII.GetBytes(fourCc));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, data.Length);
        output.Write(size);
        output.Write(data);
        if (data.Length % 2 == 1)
            output.WriteByte(0);
    }

    private static byte[] FindRiffChunk(byte[] riff, string fourCc)
    {
        for (var pos = 12; pos + 8 <= riff.Length;)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(riff.AsSpan(pos + 4));
            if (System.Text.Encoding.ASCII.GetString(riff, pos, 4) == fourCc)
                return riff.AsSpan(pos + 8, size).ToArray();
            pos += 8 + size + (size & 1);
        }
        throw new InvalidOperationException($"No {fourCc} chunk.");
    }

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }
}
