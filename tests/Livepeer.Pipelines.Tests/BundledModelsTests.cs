using Livepeer.Media;
using Livepeer.ModelBuilder;

namespace Livepeer.Pipelines.Tests;

/// <summary>
/// The committed <c>models/</c> folder is exactly what <see cref="ModelFolders.WriteBundled"/> writes today, plus the
/// converted ESRGAN model (checked against its package in <c>Upscale/CommittedEsrganModelTests</c>).
/// </summary>
public sealed class BundledModelsTests : IDisposable
{
    private static readonly string CommittedRoot = Path.Combine(RepositoryRoot.Path, "models");
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> BundledIds => new(ModelFolders.Bundled.Select(b => b.ModelId));

    [Theory]
    [MemberData(nameof(BundledIds))]
    public void WriteBundled_FreshFolder_ByteIdenticalToCommittedModel(string modelId)
    {
        ModelFolders.WriteBundled(temp.Root);

        foreach (var file in new[] { "model.onnx", ModelManifest.FileName })
        {
            var relative = Path.Combine([.. modelId.Split('/'), file]);
            var committed = Path.Combine(CommittedRoot, relative);
            Assert.True(File.Exists(committed), $"'{committed}' is not committed; run `dotnet run --project tools/Livepeer.ModelTool -- bundled models`.");
            AssertSameBytes(committed, File.ReadAllBytes(committed), File.ReadAllBytes(temp.Combine(relative)));
        }
    }

    [Fact]
    public void WriteBundled_FreshFolder_VideoModelByteIdenticalToCommitted()
    {
        ModelFolders.WriteBundled(temp.Root);

        foreach (var relative in VideoFiles())
        {
            var committed = Path.Combine(CommittedRoot, relative);
            Assert.True(File.Exists(committed), $"'{committed}' is not committed; run `dotnet run --project tools/Livepeer.ModelTool -- bundled models`.");
            AssertSameBytes(committed, File.ReadAllBytes(committed), File.ReadAllBytes(temp.Combine(relative)));
        }
    }

    [Fact]
    public async Task Run_CommittedVideoModel_MakesAnMp4OfItsFrames()
    {
        Assert.True(ModelStore.Open(CommittedRoot).TryGet(ModelFolders.BundledVideo.ModelId, out var installed));
        using var model = new OnnxModelLoader().Load(installed, new ComputeDevice(DeviceKind.Cpu, 0, 1), CancellationToken.None);
        var parameters = new Dictionary<string, string> { ["width"] = "64", ["height"] = "48", ["num_inference_steps"] = "2", ["seed"] = "3" };

        var output = await model.Run(new PipelineInput(parameters, ImageCodec.EncodePng(Images.Random(40, 30, 1))) { Pipeline = PipelineNames.ImageToVideo }, CancellationToken.None)
            .CompleteAsync(CancellationToken.None);

        Assert.Equal("video/mp4", output.ContentType);
        Assert.Equal(Invariant(ModelFolders.BundledVideo.Spec.Frames), output.Metadata["frames"]);
    }

    [Fact]
    public void CommittedModels_AreExactlyTheBundledSet()
    {
        var committed = Directory.EnumerateFiles(CommittedRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CommittedRoot, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
        var esrgan = EsrganModels.ModelId(EsrganModels.BundledSize);
        var expected = ModelFolders.Bundled
            .SelectMany(b => new[] { $"{b.ModelId}/{ModelManifest.FileName}", $"{b.ModelId}/model.onnx" })
            .Concat([$"{esrgan}/{ModelManifest.FileName}", $"{esrgan}/model.onnx", $"{esrgan}/LICENSE"])
            .Concat(VideoFiles().Select(f => f.Replace(Path.DirectorySeparatorChar, '/')))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, committed);
    }

    [Fact]
    public void Open_CommittedModels_ListsBundledIdsAndMemory()
    {
        var store = ModelStore.Open(CommittedRoot);

        Assert.Equal(ModelFolders.Bundled.Count + 2, store.Models.Count);
        foreach (var (modelId, _, memoryBytes) in ModelFolders.Bundled)
        {
            Assert.True(store.TryGet(modelId, out var model), $"'{modelId}' is not in the committed store.");
            Assert.Equal(memoryBytes, model.Manifest.MemoryBytes);
            Assert.Equal("fp32", model.Manifest.Precision);
            Assert.Equal([PipelineNames.Upscale], model.Manifest.Pipelines.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(BundledIds))]
    public void Run_CommittedModel_UpscalesByItsScale(string modelId)
    {
        var spec = ModelFolders.Bundled.Single(b => b.ModelId == modelId).Spec;
        var scale = spec.Scale;
        Assert.True(ModelStore.Open(CommittedRoot).TryGet(modelId, out var installed));
        using var model = new OnnxModelLoader().Load(installed, new ComputeDevice(DeviceKind.Cpu, 0, 1), CancellationToken.None);
        model.WarmUp(CancellationToken.None);
        var image = Images.Random(8, 8, seed: 3);

        var output = model.Run(new PipelineInput(new Dictionary<string, string> { ["seed"] = "7" }, ImageCodec.EncodePng(image)), CancellationToken.None);

        var upscaled = ImageCodec.Decode(output.Data, ImageLimits.Default);
        Assert.Equal("image/png", output.ContentType);
        Assert.Equal((8 * scale, 8 * scale), (upscaled.Width, upscaled.Height));
        Assert.Equal(64, output.Units);
        Assert.Equal(7, output.Artifacts[0].Seed);
        Assert.InRange(Images.MaxDifferenceFromNearest(image, upscaled, scale), 0, Images.ByteBound(UpscalerError.PassThroughBound(spec)));
    }

    /// <summary>The bundled video model's files, relative to <c>models/</c>: the manifest and one graph per part.</summary>
    private static IEnumerable<string> VideoFiles()
    {
        var id = ModelFolders.BundledVideo.ModelId.Split('/');
        yield return Path.Combine([.. id, ModelManifest.FileName]);
        foreach (var part in new[] { "image_encoder", "vae_encoder", "unet", "vae_decoder" })
            yield return Path.Combine([.. id, part, "model.onnx"]);
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertSameBytes(string committedPath, byte[] committed, byte[] written)
    {
        var length = Math.Min(committed.Length, written.Length);
        var first = Enumerable.Range(0, length).FirstOrDefault(i => committed[i] != written[i], length);
        Assert.True(
            first == length && committed.Length == written.Length,
            $"'{committedPath}' ({committed.Length} bytes) differs from the builder's output ({written.Length} bytes) at byte {first}; " +
            "regenerate it with `dotnet run --project tools/Livepeer.ModelTool -- bundled models`.");
    }
}
