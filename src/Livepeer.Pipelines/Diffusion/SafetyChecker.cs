using Livepeer.Media;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// The hook that sets an image's <c>nsfw</c> flag: a model's <c>safety_checker</c> graph with the diffusers contract
/// (<c>clip_input</c>: the image resized to 224×224 and normalised with CLIP's mean and deviation; <c>images</c>: the
/// image as [1, H, W, 3] in [0, 1]; out: <c>has_nsfw_concepts</c>). The image itself is returned unchanged and flagged,
/// as the Livepeer runner reports the flag and leaves the choice to the client.
/// </summary>
internal sealed class SafetyChecker(OnnxGraph graph) : IDisposable
{
    private const int ClipSize = 224;
    private static readonly float[] Mean = [0.48145466f, 0.4578275f, 0.40821073f];
    private static readonly float[] Deviation = [0.26862954f, 0.26130258f, 0.27577711f];

    public bool IsNsfw(RgbImage image, CancellationToken cancellationToken)
    {
        using var clipInput = graph.Floats("clip_input", ClipPixels(image), [1, 3, ClipSize, ClipSize]);
        var interleaved = new float[image.Rgb.Length];
        for (var i = 0; i < interleaved.Length; i++) interleaved[i] = image.Rgb[i] / 255f;
        using var images = graph.Floats("images", interleaved, [1, image.Height, image.Width, 3]);
        using var results = graph.Run(["clip_input", "images"], [clipInput, images], ["has_nsfw_concepts"], cancellationToken);
        var flags = results[0].GetTensorDataAsSpan<bool>();
        return flags.Length > 0 && flags[0];
    }

    public void Dispose() => graph.Dispose();

    /// <summary>Bilinear resize to 224×224 (pixel centres aligned), normalised per channel, planar.</summary>
    private static float[] ClipPixels(RgbImage image)
    {
        var planar = new float[3 * ClipSize * ClipSize];
        var xRatio = (float)image.Width / ClipSize;
        var yRatio = (float)image.Height / ClipSize;
        for (var y = 0; y < ClipSize; y++)
        {
            var sourceY = Math.Clamp((y + 0.5f) * yRatio - 0.5f, 0, image.Height - 1);
            var y0 = (int)sourceY;
            var y1 = Math.Min(y0 + 1, image.Height - 1);
            var fy = sourceY - y0;
            for (var x = 0; x < ClipSize; x++)
            {
                var sourceX = Math.Clamp((x + 0.5f) * xRatio - 0.5f, 0, image.Width - 1);
                var x0 = (int)sourceX;
                var x1 = Math.Min(x0 + 1, image.Width - 1);
                var fx = sourceX - x0;
                for (var c = 0; c < 3; c++)
                {
                    var top = Lerp(Pixel(image, x0, y0, c), Pixel(image, x1, y0, c), fx);
                    var bottom = Lerp(Pixel(image, x0, y1, c), Pixel(image, x1, y1, c), fx);
                    planar[(c * ClipSize + y) * ClipSize + x] = (Lerp(top, bottom, fy) / 255f - Mean[c]) / Deviation[c];
                }
            }
        }

        return planar;
    }

    private static float Pixel(RgbImage image, int x, int y, int channel) => image.Rgb[3 * (y * image.Width + x) + channel];

    private static float Lerp(float a, float b, float t) => a + (b - a) * t;
}
