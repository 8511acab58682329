using System.Collections.Concurrent;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;

namespace Livepeer.Media;

/// <summary>ImageSharp configurations that never touch <see cref="Configuration.Default"/>.</summary>
internal static class ImageSharpConfigurations
{
    // One per distinct allocation limit (a handful per process). The limit is per buffer, so sharing the
    // allocator between calls enforces exactly what a per-call allocator would, and its pool is reused.
    private static readonly ConcurrentDictionary<int, Configuration> DecodingByLimit = new();

    /// <summary>For encoding images this library built itself.</summary>
    public static Configuration Encoding { get; } = new(new PngConfigurationModule());

    /// <summary>Only the formats <see cref="MediaFormats.Detect"/> recognises, metadata skipped, first frame only where the decoder allows it.</summary>
    public static Configuration ForDecoding(int allocationLimitMegabytes) =>
        DecodingByLimit.GetOrAdd(allocationLimitMegabytes, CreateDecoding);

    private static Configuration CreateDecoding(int allocationLimitMegabytes)
    {
        var configuration = new Configuration(
            new PngConfigurationModule(),
            new JpegConfigurationModule(),
            new GifConfigurationModule(),
            new BmpConfigurationModule(),
            new WebpConfigurationModule(),
            new TiffConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = allocationLimitMegabytes,
                // Keeps at most about one largest image pooled per limit instead of ImageSharp's share of RAM.
                MaximumPoolSizeMegabytes = allocationLimitMegabytes,
            }),
        };
        // Metadata is skipped: compressed text and ICC/EXIF chunks are decoder attack surface we never use.
        var formats = configuration.ImageFormatsManager;
        formats.SetDecoder(PngFormat.Instance, new PngDecoder { IgnoreMetadata = true });
        formats.SetDecoder(JpegFormat.Instance, new JpegDecoder { IgnoreMetadata = true });
        formats.SetDecoder(GifFormat.Instance, new GifDecoder { IgnoreMetadata = true, DecodingMode = FrameDecodingMode.First });
        formats.SetDecoder(TiffFormat.Instance, new TiffDecoder { IgnoreMetadata = true, DecodingMode = FrameDecodingMode.First });
        formats.SetDecoder(WebpFormat.Instance, new WebpDecoder { IgnoreMetadata = true });
        return configuration;
    }
}
