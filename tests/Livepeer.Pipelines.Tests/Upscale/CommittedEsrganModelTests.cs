using Livepeer.ModelBuilder;

namespace Livepeer.Pipelines.Tests.Upscale;

/// <summary>
/// <c>models/upscalerjs/esrgan-slim-x4</c> is what today's converter makes of the package (regenerate with
/// <c>dotnet run --project tools/Livepeer.ModelTool -- esrgan slim models</c>), and the model store serves it.
/// </summary>
public sealed class CommittedEsrganModelTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void WriteX4_SlimPackage_ByteIdenticalToCommittedFolder()
    {
        var size = EsrganModels.BundledSize;
        var folder = temp.Combine(EsrganModels.FolderName(size));

        EsrganModels.WriteX4(EsrganAssets.Package(size), folder, size);

        var committed = Directory.EnumerateFiles(EsrganAssets.CommittedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var written = Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(written, committed);
        foreach (var file in written)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(folder, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(EsrganAssets.CommittedFolder, file!))),
                $"Committed '{file}' differs from the converter's output; regenerate it with `dotnet run --project tools/Livepeer.ModelTool -- esrgan {size} models`.");
        }
    }

    [Fact]
    public void Open_RepositoryModels_ServesSlimAsAByteRangeUpscaler()
    {
        var store = ModelStore.Open(Path.Combine(RepositoryRoot.Path, "models"));

        Assert.True(store.TryGet("upscalerjs/esrgan-slim-x4", out var model));
        Assert.Equal(Path.GetFullPath(EsrganAssets.CommittedFolder), model.Folder);
        Assert.Equal(ModelFamilies.OnnxUpscaler, model.Manifest.Family);
        Assert.Equal(PixelRanges.Byte, model.Manifest.PixelRange);
        Assert.Equal([PipelineNames.Upscale], model.Manifest.Pipelines.ToArray());
        Assert.InRange(new FileInfo(model.Manifest.FilePath(model.Folder, "model")).Length, 900_000, 1024 * 1024);
        Assert.StartsWith("MIT License", File.ReadAllText(Path.Combine(model.Folder, "LICENSE")), StringComparison.Ordinal);
    }
}
