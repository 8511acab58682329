using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Livepeer.Media;

namespace Livepeer.Pipelines;

/// <summary>
/// The <see cref="ModelFamilies.OnnxUpscaler"/> family: an image in (any format the media library decodes), the model
/// run tile by tile (<see cref="UpscaleSettings"/>) as 1×3×H×W tensors in the manifest's pixel range, the kept cores
/// stitched into one image, a PNG out. Tiles bound the device memory a large input needs and let a cancelled job stop
/// between runs. Alpha is dropped (as the decoder documents); priced by input pixels, as go-livepeer prices upscale.
/// </summary>
internal sealed class UpscalePipeline : ILoadedModel
{
    /// <summary>Largest input image, so one job cannot hold the device for minutes.</summary>
    internal static readonly ImageLimits InputLimits = new() { MaxPixels = 2048L * 2048 };

    /// <summary>Largest output image (a 4096×4096 PNG is already ~50 MB of RGB to encode and send).</summary>
    internal const long MaxOutputPixels = 4096L * 4096;

    private readonly SingleInputSession session;
    private readonly ModelManifest manifest;
    private readonly UpscaleSettings settings;
    private readonly float pixelScale;

    // The model's factor, learned from the first tile it upscales unless the manifest names it; 0 until known.
    private int scale;

    public UpscalePipeline(SingleInputSession session, ModelManifest manifest)
    {
        this.session = session;
        this.manifest = manifest;
        settings = UpscaleSettings.From(manifest, session.InputDims);
        pixelScale = manifest.PixelRange == PixelRanges.Byte ? 1f : 1f / 255f;
        scale = settings.Scale ?? 0;
    }

    public string ExecutionProvider => session.Provider;

    public void WarmUp(CancellationToken cancellationToken) => Warmup.Run(session, manifest, cancellationToken);

    public PipelineOutput Run(PipelineInput input, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        RgbImage image;
        try
        {
            image = ImageCodec.Decode(input.Data, InputLimits);
        }
        catch (Exception e) when (e is UnsupportedMediaException or MediaTooLargeException)
        {
            throw new InvalidPipelineInputException(e.Message);
        }

        var decoded = Stopwatch.GetTimestamp();
        var upscaled = Upscale(image, cancellationToken, out var inModel);
        var stitched = Stopwatch.GetTimestamp();
        var png = ImageCodec.EncodePng(upscaled);
        var seed = input.Parameters.TryGetValue("seed", out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["width"] = upscaled.Width.ToString(CultureInfo.InvariantCulture),
            ["height"] = upscaled.Height.ToString(CultureInfo.InvariantCulture),
            ["decode_ms"] = PipelineMetadata.Milliseconds(Stopwatch.GetElapsedTime(started, decoded)),
            ["model_ms"] = PipelineMetadata.Milliseconds(inModel),
            ["tiles_ms"] = PipelineMetadata.Milliseconds(Stopwatch.GetElapsedTime(decoded, stitched) - inModel),
            ["encode_ms"] = PipelineMetadata.Milliseconds(Stopwatch.GetElapsedTime(stitched)),
        };

        // No safety checker runs on upscales, so nothing is flagged.
        return new PipelineOutput([new PipelineArtifact(png, "image/png", seed, Nsfw: false)], metadata, (long)image.Width * image.Height);
    }

    /// <summary>Upscales <paramref name="image"/> tile by tile.</summary>
    internal RgbImage Upscale(RgbImage image, CancellationToken cancellationToken) => Upscale(image, cancellationToken, out _);

    /// <summary>Upscales <paramref name="image"/> tile by tile; <paramref name="inModel"/> is the time spent in the model's runs.</summary>
    internal RgbImage Upscale(RgbImage image, CancellationToken cancellationToken, out TimeSpan inModel)
    {
        var modelTime = TimeSpan.Zero;
        var tiles = UpscaleTiles.Plan(image.Width, image.Height, settings.TileSize, settings.TilePadding);
        // Once the factor is known, an oversized result is refused before any tile runs.
        var known = scale;
        var output = known != 0 ? AllocateOutput(image, known) : null;
        foreach (var tile in tiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            output = RunTile(image, tile, output, ref modelTime, cancellationToken);
        }

        inModel = modelTime;
        return output!;
    }

    public void Dispose() => session.Dispose();

    /// <summary>Runs the model on one tile's context and writes the tile's core into the output (allocated on the first tile).</summary>
    private RgbImage RunTile(RgbImage image, UpscaleTile tile, RgbImage? output, ref TimeSpan modelTime, CancellationToken cancellationToken)
    {
        var planeWidth = settings.FixedWidth ?? tile.Context.Width;
        var planeHeight = settings.FixedHeight ?? tile.Context.Height;
        long[] shape = [1, 3, planeHeight, planeWidth];
        TensorShape.Check(shape, session.InputDims, session.InputName);

        // Tiles are large-object-heap sized; pooling their input keeps a busy worker from collecting gen 2 per job.
        var count = 3 * planeWidth * planeHeight;
        var planar = ArrayPool<float>.Shared.Rent(count);
        try
        {
            ImageCodec.RegionToPlanar(image, tile.Context, pixelScale, planeWidth, planeHeight, planar);
            var runStarted = Stopwatch.GetTimestamp();
            var runEnded = runStarted;
            var result = session.Run(planar.AsMemory(0, count), shape, (values, outputShape) =>
            {
                // The output is read in place, before ONNX Runtime frees it; only the run itself counts as model time.
                runEnded = Stopwatch.GetTimestamp();
                var factor = ScaleOf(outputShape, planeWidth, planeHeight);
                var target = output ?? AllocateOutput(image, factor);
                var kept = new PixelRect(
                    (tile.Core.X - tile.Context.X) * factor,
                    (tile.Core.Y - tile.Context.Y) * factor,
                    tile.Core.Width * factor,
                    tile.Core.Height * factor);
                ImageCodec.PlanarRegionInto(values, planeWidth * factor, planeHeight * factor, kept, pixelScale, target, tile.Core.X * factor, tile.Core.Y * factor);
                return target;
            }, cancellationToken);
            modelTime += Stopwatch.GetElapsedTime(runStarted, runEnded);
            return result;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(planar);
        }
    }

    private int ScaleOf(long[] outputShape, int planeWidth, int planeHeight)
    {
        if (outputShape is not [1, 3, var height, var width] || width % planeWidth != 0 || height % planeHeight != 0 || width / planeWidth != height / planeHeight)
            throw new InvalidModelException($"Model '{manifest.Id}' returned [{TensorShape.Format(outputShape)}] for a {planeHeight}x{planeWidth} input; an upscaler returns 1x3 and the input size times a whole factor.");

        var factor = (int)(width / planeWidth);
        var known = scale;
        if (known == 0)
            scale = factor;
        else if (known != factor)
            throw new InvalidModelException($"Model '{manifest.Id}' upscaled by {factor}, but its factor is {known}.");
        return factor;
    }

    private static RgbImage AllocateOutput(RgbImage image, int factor)
    {
        var width = (long)image.Width * factor;
        var height = (long)image.Height * factor;
        if (width * height > MaxOutputPixels)
            throw new InvalidPipelineInputException($"A {image.Width}x{image.Height} image upscaled {factor}x would be {width}x{height}, over the {MaxOutputPixels} pixel limit for one result.");
        return new RgbImage((int)width, (int)height, new byte[3 * width * height]);
    }
}
