using System.Globalization;
using Livepeer.Media;

namespace Livepeer.Pipelines;

/// <summary>
/// The units a job is priced in, per pipeline (go-livepeer-orchestration.md §5.2), one table for the gateway's
/// estimate and the orchestrator's hold, so both sides agree: output pixels × images for text-to-image, input pixels ×
/// images for image-to-image, pixels × 25 frames for image-to-video, input pixels for upscale, segment-anything-2 and
/// image-to-text, whole seconds of audio in milliseconds, <c>max_tokens</c> for the LLM, and characters (Unicode scalar
/// values) for text-to-speech on both sides — go-livepeer pays UTF-8 bytes there but debits 1,000 × characters.
/// What a finished job is charged is the units its pipeline reports (<see cref="PipelineOutput.Units"/>), computed the same way.
/// </summary>
public static class FeeUnits
{
    /// <summary>Frames go-livepeer prices an image-to-video job at, whatever it asks for.</summary>
    public const int VideoFrames = 25;

    private static readonly ImageLimits HeaderOnly = new() { MaxBytes = long.MaxValue, MaxPixels = long.MaxValue };

    /// <summary>Units of a job from its request; 0 when the request does not tell (it is then charged what its pipeline reports).</summary>
    public static long Estimate(string pipeline, IReadOnlyDictionary<string, string> parameters, ReadOnlyMemory<byte> input)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(parameters);
        return pipeline switch
        {
            PipelineNames.TextToImage => Number(parameters, "width", 512) * Number(parameters, "height", 512) * Images(parameters),
            PipelineNames.ImageToImage => InputPixels(parameters, input) * Images(parameters),
            PipelineNames.ImageToVideo => Number(parameters, "width", 1024) * Number(parameters, "height", 576) * VideoFrames,
            PipelineNames.Upscale or PipelineNames.SegmentAnything2 or PipelineNames.ImageToText => InputPixels(parameters, input),
            PipelineNames.AudioToText => Number(parameters, "duration_ms", 0) / 1000 * 1000,
            PipelineNames.Llm => Number(parameters, "max_tokens", 256),
            PipelineNames.TextToSpeech => Characters(parameters.GetValueOrDefault("text")),
            _ => 0,
        };
    }

    /// <summary>Characters of a text-to-speech input: Unicode scalar values, so "é" is one unit however it is encoded.</summary>
    public static long Characters(string? text) => text is null ? 0 : text.EnumerateRunes().LongCount();

    private static long Images(IReadOnlyDictionary<string, string> parameters) => Math.Max(1, Number(parameters, "num_images_per_prompt", 1));

    private static long Number(IReadOnlyDictionary<string, string> parameters, string name, long fallback) =>
        parameters.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : fallback;

    // Images are priced by the header's size; raw tensors (the onnx-tensor family) by their last two dimensions.
    private static long InputPixels(IReadOnlyDictionary<string, string> parameters, ReadOnlyMemory<byte> input)
    {
        if (parameters.TryGetValue("shape", out var shape))
        {
            var dims = shape.Split(',');
            return dims.Length >= 2
                && long.TryParse(dims[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
                && long.TryParse(dims[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                ? w * h
                : 0;
        }

        try
        {
            var info = ImageCodec.Identify(input, HeaderOnly);
            return (long)info.Width * info.Height;
        }
        catch (Exception e) when (e is UnsupportedMediaException or MediaTooLargeException)
        {
            return 0;
        }
    }
}
