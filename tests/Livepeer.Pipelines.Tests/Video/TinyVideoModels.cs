using Livepeer.Media;
using Livepeer.ModelBuilder;

namespace Livepeer.Pipelines.Tests.Video;

/// <summary>Writes tiny Stable Video Diffusion folders and runs them through the real loader on the CPU.</summary>
internal sealed class TinyVideoModels : IDisposable
{
    private readonly TempFolder folder = new();

    public static byte[] InputImage { get; } = ImageCodec.EncodePng(Images.Random(80, 60, 3));

    public string Write(TinyVideoDiffusionSpec spec, IReadOnlyDictionary<string, string>? defaults = null) =>
        TinyVideoDiffusionFolder.Write(folder.Root, $"test/svd-{Guid.NewGuid():N}", spec, defaults);

    public ILoadedModel Load(TinyVideoDiffusionSpec spec, IReadOnlyDictionary<string, string>? defaults = null) => LoadFolder(Write(spec, defaults));

    public static ILoadedModel LoadFolder(string path) =>
        new OnnxModelLoader().Load(new InstalledModel(path, ModelManifest.Load(path)), new ComputeDevice(DeviceKind.Cpu, 0, 1), CancellationToken.None);

    /// <summary>The device part only: conditioning, denoising and decoding; the MP4 is still to be encoded.</summary>
    public static PipelineOutput RunOnDevice(ILoadedModel model, Dictionary<string, string>? parameters = null, byte[]? image = null, CancellationToken cancellationToken = default) =>
        model.Run(new PipelineInput(WithDefaults(parameters), image ?? InputImage) { Pipeline = PipelineNames.ImageToVideo }, cancellationToken);

    /// <summary>The whole job, the MP4 encoded.</summary>
    public static Task<PipelineOutput> RunAsync(ILoadedModel model, Dictionary<string, string>? parameters = null, byte[]? image = null) =>
        RunOnDevice(model, parameters, image).CompleteAsync(CancellationToken.None);

    public void Dispose() => folder.Dispose();

    private static Dictionary<string, string> WithDefaults(Dictionary<string, string>? parameters)
    {
        var all = new Dictionary<string, string>(parameters ?? [], StringComparer.Ordinal);
        all.TryAdd("width", "64");
        all.TryAdd("height", "48");
        all.TryAdd("num_inference_steps", "3");
        all.TryAdd("seed", "42");
        all.TryAdd("fps", "8");
        return all;
    }
}
