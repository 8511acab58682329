using System.Collections.Immutable;
using Livepeer.ModelBuilder;

namespace Livepeer.Pipelines.Tests.Sources;

/// <summary>The model files the source tests serve: a real tiny ONNX upscaler, a large external-data file, and git files.</summary>
internal static class SourceFixtures
{
    public const string RepoId = "acme/tiny-upscaler";
    public const string ModelPath = "onnx/model.onnx";
    public const string DataPath = "onnx/model.onnx_data";

    /// <summary>Large enough for progress to be reported part-way (every MiB) and for transfers to be cut in the middle.</summary>
    public const int DataSize = (5 << 20) / 2;

    public static byte[] Onnx { get; } = TinyUpscaler.Build(new TinyUpscalerSpec { Scale = 2, HiddenChannels = 8, HiddenLayers = 1, Seed = 7 });

    public static byte[] Data { get; } = Bytes(DataSize, seed: 11);

    public static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static ModelManifest Manifest(string id = RepoId) => new()
    {
        Id = id,
        Family = ModelFamilies.OnnxTensor,
        Pipelines = [PipelineNames.Upscale],
        MemoryBytes = 64L << 20,
        Files = ImmutableDictionary<string, string>.Empty.Add("model", ModelPath),
    };

    /// <summary>The repository: the ONNX files in LFS, a README and config in git, and (optionally) a manifest in git.</summary>
    public static FakeRepo Repo(bool withManifest, string? token = null, bool gated = false)
    {
        var repo = new FakeRepo(RepoId) { Token = token, Gated = gated };
        repo.Add(ModelPath, Onnx);
        repo.Add(DataPath, Data);
        repo.Add("README.md", "# tiny upscaler\n"u8.ToArray(), lfs: false);
        repo.Add("config.json", "{\"scale\": 2}"u8.ToArray(), lfs: false);
        if (withManifest)
            repo.Add(ModelManifest.FileName, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Manifest(), ModelManifest.JsonOptions), lfs: false);
        return repo;
    }
}

/// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, so a test can act at an exact point.</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
