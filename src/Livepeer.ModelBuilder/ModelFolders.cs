using System.Collections.Immutable;
using Livepeer.Pipelines;

namespace Livepeer.ModelBuilder;

/// <summary>Writes model folders (an ONNX file plus <c>manifest.json</c>) that the model store installs.</summary>
public static class ModelFolders
{
    /// <summary>The models shipped in the repository's <c>models/</c> folder, so the default network runs without downloads.</summary>
    public static IReadOnlyList<(string ModelId, TinyUpscalerSpec Spec, long MemoryBytes)> Bundled { get; } =
    [
        ("livepeer/tiny-upscaler-x2", new TinyUpscalerSpec { Scale = 2, HiddenChannels = 8, HiddenLayers = 1, Seed = 2 }, 64L * 1024 * 1024),
        ("livepeer/tiny-upscaler-x4", new TinyUpscalerSpec { Scale = 4, HiddenChannels = 8, HiddenLayers = 1, Seed = 4 }, 96L * 1024 * 1024),
    ];

    /// <summary>
    /// The tiny Stable Video Diffusion model shipped in <c>models/</c>, so the default network answers image-to-video with
    /// a real MP4 (its frames are the tiny graphs' colours, not a pretrained model's motion).
    /// </summary>
    public static (string ModelId, TinyVideoDiffusionSpec Spec) BundledVideo { get; } =
        ("livepeer/tiny-svd", new TinyVideoDiffusionSpec { Frames = 14, Seed = 14 });

    /// <summary>Writes a <see cref="TinyUpscaler"/> model as <c>{modelsRoot}/{modelId}</c> and returns that folder.</summary>
    /// <param name="modelsRoot">The model store's root folder.</param>
    /// <param name="modelId">Model id; its '/' become sub-folders.</param>
    /// <param name="spec">The graph.</param>
    /// <param name="memoryBytes">Memory a device reserves for it (may be declared larger than the file to model a big model).</param>
    /// <param name="family">How workers run it: <see cref="ModelFamilies.OnnxTensor"/> (raw tensors, default) or <see cref="ModelFamilies.OnnxUpscaler"/> (images in, PNG out).</param>
    public static string WriteTinyUpscaler(string modelsRoot, string modelId, TinyUpscalerSpec spec, long memoryBytes, string family = ModelFamilies.OnnxTensor)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelsRoot);
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryBytes);
        var folder = Path.Combine(modelsRoot, modelId.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), TinyUpscaler.Build(spec));
        new ModelManifest
        {
            Id = modelId,
            Family = family,
            Pipelines = [PipelineNames.Upscale],
            Precision = spec.Precision == TinyUpscalerPrecision.Float16 ? "fp16" : "fp32",
            MemoryBytes = memoryBytes,
            Files = ImmutableDictionary<string, string>.Empty.Add("model", "model.onnx"),
            Warmup = ImmutableDictionary<string, string>.Empty.Add("shape", "1,3,16,16"),
        }.Save(folder);
        return folder;
    }

    /// <summary>Writes every <see cref="Bundled"/> model and <see cref="BundledVideo"/> under <paramref name="modelsRoot"/>.</summary>
    public static void WriteBundled(string modelsRoot)
    {
        foreach (var (modelId, spec, memory) in Bundled)
            WriteTinyUpscaler(modelsRoot, modelId, spec, memory, ModelFamilies.OnnxUpscaler);
        TinyVideoDiffusionFolder.Write(modelsRoot, BundledVideo.ModelId, BundledVideo.Spec);
    }
}
