using System.Globalization;
using Livepeer.Media;

namespace Livepeer.Pipelines;

/// <summary>
/// The <see cref="ModelFamilies.OnnxUpscaler"/> family: an image in (any format the media library decodes), the
/// model run on it as a 1×3×H×W tensor in the manifest's pixel range, a PNG out. Priced by input pixels, as
/// go-livepeer prices upscale.
/// </summary>
internal sealed class UpscalePipeline(SingleInputSession session, ModelManifest manifest) : ILoadedModel
{
    /// <summary>Largest input image, so one job cannot take the whole device (tiling arrives with the inference work).</summary>
    internal static readonly ImageLimits InputLimits = new() { MaxPixels = 2048L * 2048 };

    private readonly float scale = manifest.PixelRange == PixelRanges.Byte ? 1f : 1f / 255f;

    public string ExecutionProvider => session.Provider;

    public void WarmUp(CancellationToken cancellationToken) => Warmup.Run(session, manifest, cancellationToken);

    public PipelineOutput Run(PipelineInput input, CancellationToken cancellationToken)
    {
        RgbImage image;
        try
        {
            image = ImageCodec.Decode(input.Data, InputLimits);
        }
        catch (Exception e) when (e is UnsupportedMediaException or MediaTooLargeException)
        {
            throw new InvalidPipelineInputException(e.Message);
        }

        long[] shape = [1, 3, image.Height, image.Width];
        TensorShape.Check(shape, session.InputDims, session.InputName);
        var (output, outputShape) = session.Run(ImageCodec.ToPlanar(image, scale), shape, cancellationToken);
        if (outputShape is not [1, 3, var height, var width])
            throw new InvalidModelException($"Model '{manifest.Id}' returned shape [{TensorShape.Format(outputShape)}]; an upscaler returns 1x3xHxW.");

        var png = ImageCodec.EncodePng(ImageCodec.FromPlanar(output, (int)width, (int)height, scale));
        var seed = input.Parameters.TryGetValue("seed", out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["width"] = width.ToString(CultureInfo.InvariantCulture),
            ["height"] = height.ToString(CultureInfo.InvariantCulture),
        };

        // No safety checker runs on upscales yet, so nothing is flagged.
        return new PipelineOutput([new PipelineArtifact(png, "image/png", seed, Nsfw: false)], metadata, (long)image.Width * image.Height);
    }

    public void Dispose() => session.Dispose();
}
