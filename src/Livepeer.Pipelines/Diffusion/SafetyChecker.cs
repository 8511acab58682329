using Livepeer.Media;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// The hook that sets an image's <c>nsfw</c> flag: a model's <c>safety_checker</c> graph with the diffusers contract
/// (<c>clip_input</c>: the image as <see cref="ClipImage"/> prepares it; <c>images</c>: the
/// image as [1, H, W, 3] in [0, 1]; out: <c>has_nsfw_concepts</c>). The image itself is returned unchanged and flagged,
/// as the Livepeer runner reports the flag and leaves the choice to the client.
/// </summary>
internal sealed class SafetyChecker : IDisposable
{
    private readonly OnnxGraph graph;

    /// <summary>Wraps the graph after checking its contract, so a wrong export fails the load with a clear message.</summary>
    public SafetyChecker(OnnxGraph graph)
    {
        graph.Require(["clip_input", "images"], ["has_nsfw_concepts"]);
        this.graph = graph;
    }

    public bool IsNsfw(RgbImage image, CancellationToken cancellationToken)
    {
        using var clipInput = graph.Floats("clip_input", ClipImage.Pixels(image), [1, 3, ClipImage.Size, ClipImage.Size]);
        var interleaved = new float[image.Rgb.Length];
        for (var i = 0; i < interleaved.Length; i++) interleaved[i] = image.Rgb[i] / 255f;
        using var images = graph.Floats("images", interleaved, [1, image.Height, image.Width, 3]);
        using var results = graph.Run(["clip_input", "images"], [clipInput, images], ["has_nsfw_concepts"], cancellationToken);
        var flags = results[0].GetTensorDataAsSpan<bool>();
        return flags.Length > 0 && flags[0];
    }

    public void Dispose() => graph.Dispose();
}
