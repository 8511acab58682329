using System.Globalization;
using System.Collections.Immutable;
using Livepeer.Pipelines;

namespace Livepeer.ModelBuilder;

/// <summary>Writes a <see cref="TinyVideoDiffusionSpec"/> model folder laid out as an SVD ONNX export.</summary>
public static class TinyVideoDiffusionFolder
{
    /// <summary>Writes the model as <c>{modelsRoot}/{modelId}</c> and returns that folder.</summary>
    /// <param name="modelsRoot">The model store's root folder.</param>
    /// <param name="modelId">Model id; its '/' become sub-folders.</param>
    /// <param name="spec">The graphs.</param>
    /// <param name="defaults">Manifest defaults (frames, chunk size, guidance, size...) added to the written ones.</param>
    public static string Write(string modelsRoot, string modelId, TinyVideoDiffusionSpec spec, IReadOnlyDictionary<string, string>? defaults = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelsRoot);
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentNullException.ThrowIfNull(spec);
        var folder = Path.Combine(modelsRoot, modelId.Replace('/', Path.DirectorySeparatorChar));
        var noise = new DeterministicNoise(spec.Seed);
        var files = ImmutableDictionary.CreateBuilder<string, string>();
        files["image_encoder"] = TinyDiffusionFolder.Save(folder, "image_encoder", TinyVideoDiffusionGraphs.ImageEncoder(noise));
        files["vae_encoder"] = TinyDiffusionFolder.Save(folder, "vae_encoder", TinyDiffusionGraphs.VaeEncoder(noise));
        files["unet"] = TinyDiffusionFolder.Save(folder, "unet", TinyVideoDiffusionGraphs.UNet(spec, noise));
        files["vae_decoder"] = TinyDiffusionFolder.Save(folder, "vae_decoder", TinyVideoDiffusionGraphs.TemporalDecoder(noise));
        if (spec.SafetyChecker)
            files["safety_checker"] = TinyDiffusionFolder.Save(folder, "safety_checker", TinyDiffusionGraphs.SafetyChecker(spec.NsfwThreshold));

        var (width, height) = spec.FixedSize ?? (64, 48);
        var allDefaults = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["num_frames"] = spec.Frames.ToString(CultureInfo.InvariantCulture),
            ["width"] = width.ToString(CultureInfo.InvariantCulture),
            ["height"] = height.ToString(CultureInfo.InvariantCulture),
        });
        foreach (var (key, value) in defaults ?? ImmutableDictionary<string, string>.Empty)
            allDefaults = allDefaults.SetItem(key, value);

        new ModelManifest
        {
            Id = modelId,
            Family = ModelFamilies.StableVideoDiffusion,
            Pipelines = [PipelineNames.ImageToVideo],
            MemoryBytes = 64L * 1024 * 1024,
            Files = files.ToImmutable(),
            Defaults = allDefaults,
        }.Save(folder);
        return folder;
    }
}
