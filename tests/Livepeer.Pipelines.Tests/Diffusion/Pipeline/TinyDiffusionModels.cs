using Livepeer.ModelBuilder;

namespace Livepeer.Pipelines.Tests.Diffusion.Pipeline;

/// <summary>Writes tiny Stable Diffusion folders and loads them through the real loader on the CPU.</summary>
internal sealed class TinyDiffusionModels : IDisposable
{
    private readonly TempFolder folder = new();

    public string Write(TinyDiffusionSpec spec, IReadOnlyDictionary<string, string>? defaults = null) =>
        TinyDiffusionFolder.Write(folder.Root, $"test/sd-{Guid.NewGuid():N}", spec, defaults);

    public ILoadedModel Load(TinyDiffusionSpec spec, IReadOnlyDictionary<string, string>? defaults = null) => LoadFolder(Write(spec, defaults));

    public static ILoadedModel LoadFolder(string path) =>
        new OnnxModelLoader().Load(new InstalledModel(path, ModelManifest.Load(path)), new ComputeDevice(DeviceKind.Cpu, 0, 1), CancellationToken.None);

    public static PipelineOutput TextToImage(ILoadedModel model, Dictionary<string, string> parameters, CancellationToken cancellationToken = default) =>
        model.Run(new PipelineInput(WithPrompt(parameters), ReadOnlyMemory<byte>.Empty) { Pipeline = PipelineNames.TextToImage }, cancellationToken);

    public static PipelineOutput ImageToImage(ILoadedModel model, byte[] image, Dictionary<string, string> parameters) =>
        model.Run(new PipelineInput(WithPrompt(parameters), image) { Pipeline = PipelineNames.ImageToImage }, CancellationToken.None);

    public void Dispose() => folder.Dispose();

    private static Dictionary<string, string> WithPrompt(Dictionary<string, string> parameters)
    {
        var all = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
        all.TryAdd("prompt", "a photo of a cat");
        all.TryAdd("width", "64");
        all.TryAdd("height", "48");
        all.TryAdd("num_inference_steps", "4");
        all.TryAdd("seed", "42");
        return all;
    }
}
