using System.Collections.Immutable;
using System.Text.Json;
using Livepeer.Pipelines;
using Livepeer.Pipelines.Diffusion;

namespace Livepeer.ModelBuilder;

/// <summary>Writes a <see cref="TinyDiffusionSpec"/> model folder laid out as a diffusers/Optimum ONNX export.</summary>
public static class TinyDiffusionFolder
{
    // A few merges on top of the byte symbols, so multi-character tokens and merge ranks are exercised.
    private static readonly (string Left, string Right)[] Merges =
    [
        ("p", "h"), ("o", "t"), ("ph", "ot"), ("phot", "o</w>"), ("o", "f</w>"), ("c", "a"), ("ca", "t</w>"),
    ];

    /// <summary>Writes the model as <c>{modelsRoot}/{modelId}</c> and returns that folder.</summary>
    /// <param name="modelsRoot">The model store's root folder.</param>
    /// <param name="modelId">Model id; its '/' become sub-folders.</param>
    /// <param name="spec">The graphs.</param>
    /// <param name="defaults">Manifest defaults (scheduler, steps, guidance, size...) added to the family's.</param>
    public static string Write(string modelsRoot, string modelId, TinyDiffusionSpec spec, IReadOnlyDictionary<string, string>? defaults = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelsRoot);
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentNullException.ThrowIfNull(spec);
        var folder = Path.Combine(modelsRoot, modelId.Replace('/', Path.DirectorySeparatorChar));
        var noise = new DeterministicNoise(spec.Seed);
        var vocabularySize = WriteTokenizer(Path.Combine(folder, "tokenizer"));
        var files = ImmutableDictionary.CreateBuilder<string, string>();
        files["tokenizer_vocab"] = "tokenizer/vocab.json";
        files["tokenizer_merges"] = "tokenizer/merges.txt";
        files["text_encoder"] = Save(folder, "text_encoder", TinyDiffusionGraphs.TextEncoder(vocabularySize, TinyDiffusionSpec.TextDim, spec.Xl ? 2 : 1, spec.Xl, null, noise));
        if (spec.Xl)
        {
            WriteTokenizer(Path.Combine(folder, "tokenizer_2"));
            files["tokenizer_2_vocab"] = "tokenizer_2/vocab.json";
            files["tokenizer_2_merges"] = "tokenizer_2/merges.txt";
            files["text_encoder_2"] = Save(folder, "text_encoder_2", TinyDiffusionGraphs.TextEncoder(vocabularySize, TinyDiffusionSpec.Text2Dim, 2, true, TinyDiffusionSpec.PooledDim, noise));
        }

        files["unet"] = Save(folder, "unet", TinyDiffusionGraphs.UNet(spec, noise));
        files["vae_decoder"] = Save(folder, "vae_decoder", TinyDiffusionGraphs.VaeDecoder(noise));
        files["vae_encoder"] = Save(folder, "vae_encoder", TinyDiffusionGraphs.VaeEncoder(noise));
        if (spec.SafetyChecker)
            files["safety_checker"] = Save(folder, "safety_checker", TinyDiffusionGraphs.SafetyChecker(spec.NsfwThreshold));

        var allDefaults = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["width"] = "64",
            ["height"] = "64",
        });
        foreach (var (key, value) in defaults ?? ImmutableDictionary<string, string>.Empty)
            allDefaults = allDefaults.SetItem(key, value);

        new ModelManifest
        {
            Id = modelId,
            Family = spec.Xl ? ModelFamilies.StableDiffusionXl : ModelFamilies.StableDiffusion,
            Pipelines = [PipelineNames.TextToImage, PipelineNames.ImageToImage],
            MemoryBytes = 64L * 1024 * 1024,
            Files = files.ToImmutable(),
            Defaults = allDefaults,
        }.Save(folder);
        return folder;
    }

    /// <summary>Writes a CLIP-layout vocabulary: byte symbols, byte symbols ending a word, merges, then the two specials.</summary>
    private static int WriteTokenizer(string folder)
    {
        Directory.CreateDirectory(folder);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var symbol in ByteLevelAlphabet.Characters)
            vocabulary.Add(symbol.ToString(), vocabulary.Count);
        foreach (var symbol in ByteLevelAlphabet.Characters)
            vocabulary.Add($"{symbol}</w>", vocabulary.Count);
        foreach (var (left, right) in Merges)
            vocabulary.Add(left + right, vocabulary.Count);
        vocabulary.Add("<|startoftext|>", vocabulary.Count);
        vocabulary.Add("<|endoftext|>", vocabulary.Count);

        File.WriteAllText(Path.Combine(folder, "vocab.json"), JsonSerializer.Serialize(vocabulary));
        File.WriteAllLines(Path.Combine(folder, "merges.txt"), ["#version: 0.2", .. Merges.Select(m => $"{m.Left} {m.Right}")]);
        return vocabulary.Count;
    }

    /// <summary>Writes one graph as <c>{part}/model.onnx</c>, the diffusers/Optimum layout, and returns that relative path.</summary>
    internal static string Save(string folder, string part, byte[] model)
    {
        Directory.CreateDirectory(Path.Combine(folder, part));
        File.WriteAllBytes(Path.Combine(folder, part, "model.onnx"), model);
        return $"{part}/model.onnx";
    }
}
