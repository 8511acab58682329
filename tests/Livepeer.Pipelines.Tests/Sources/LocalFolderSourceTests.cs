using System.Text.Json;
using Livepeer.Pipelines.Sources;

namespace Livepeer.Pipelines.Tests.Sources;

public sealed class LocalFolderSourceTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Models => temp.Combine("models");

    private string Target => Path.Combine(Models, "acme", "tiny-upscaler");

    /// <summary>A model folder as someone left it: the ONNX files, a manifest (optionally) and a stray note.</summary>
    private string WriteSource(bool withManifest = true)
    {
        temp.WriteFile(Path.Combine("download", "onnx", "model.onnx"), SourceFixtures.Onnx);
        temp.WriteFile(Path.Combine("download", "onnx", "model.onnx_data"), SourceFixtures.Bytes(3000, seed: 5));
        temp.WriteFile(Path.Combine("download", "notes.txt"), "converted by hand"u8.ToArray());
        if (withManifest)
            temp.WriteFile(Path.Combine("download", ModelManifest.FileName), JsonSerializer.SerializeToUtf8Bytes(SourceFixtures.Manifest(), ModelManifest.JsonOptions));
        return temp.Combine("download");
    }

    [Fact]
    public async Task InstallAsync_Copy_CopiesChosenFilesAndModelStoreLoadsThem()
    {
        var source = new LocalFolderSource(WriteSource(), include: ["onnx/"]);

        var installed = await ModelInstaller.InstallAsync(source, Target);

        Assert.Equal(SourceFixtures.RepoId, installed.Id);
        Assert.Equal(SourceFixtures.Onnx, File.ReadAllBytes(Path.Combine(Target, "onnx", "model.onnx")));
        Assert.Null(new FileInfo(Path.Combine(Target, "onnx", "model.onnx")).LinkTarget);
        Assert.False(File.Exists(Path.Combine(Target, "notes.txt")));
        Assert.True(ModelStore.Open(Models).TryGet(SourceFixtures.RepoId, out var model));
        Assert.Equal(Target, model.Folder);
    }

    [Fact]
    public async Task InstallAsync_Link_LinksTheFilesAndModelStoreLoadsThem()
    {
        var folder = WriteSource();
        var source = new LocalFolderSource(folder, include: ["onnx/"], link: true);

        await ModelInstaller.InstallAsync(source, Target);

        Assert.Equal(Path.Combine(folder, "onnx", "model.onnx"), new FileInfo(Path.Combine(Target, "onnx", "model.onnx")).LinkTarget);
        Assert.Equal(Path.Combine(folder, ModelManifest.FileName), new FileInfo(Path.Combine(Target, ModelManifest.FileName)).LinkTarget);
        Assert.True(ModelStore.Open(Models).TryGet(SourceFixtures.RepoId, out _));
    }

    [Fact]
    public async Task InstallAsync_FolderItself_UsesItInPlace()
    {
        var folder = WriteSource();

        var installed = await ModelInstaller.InstallAsync(new LocalFolderSource(folder), folder);

        Assert.Equal(folder, installed.Folder);
        Assert.Equal(["model.onnx", "model.onnx_data"], Directory.EnumerateFiles(Path.Combine(folder, "onnx")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task InstallAsync_SecondTime_CopiesNothing()
    {
        var source = new LocalFolderSource(WriteSource(), include: ["onnx/"]);
        await ModelInstaller.InstallAsync(source, Target);
        var reports = new List<ModelSourceProgress>();

        await ModelInstaller.InstallAsync(source, Target, progress: new SyncProgress<ModelSourceProgress>(reports.Add));

        Assert.Empty(reports);
        Assert.NotNull(await source.VerifyAsync(Target));
    }

    [Fact]
    public async Task InstallAsync_SourceFileChanged_CopiesItAgain()
    {
        var folder = WriteSource();
        var source = new LocalFolderSource(folder, include: ["onnx/"]);
        await ModelInstaller.InstallAsync(source, Target);
        var changed = SourceFixtures.Bytes(3000, seed: 6);
        File.WriteAllBytes(Path.Combine(folder, "onnx", "model.onnx_data"), changed);
        File.SetLastWriteTimeUtc(Path.Combine(folder, "onnx", "model.onnx_data"), DateTime.UtcNow.AddMinutes(1));

        Assert.Null(await source.VerifyAsync(Target));
        await ModelInstaller.InstallAsync(source, Target);

        Assert.Equal(changed, File.ReadAllBytes(Path.Combine(Target, "onnx", "model.onnx_data")));
    }

    [Fact]
    public async Task InstallAsync_NoManifest_WritesTheSuppliedOne()
    {
        var source = new LocalFolderSource(WriteSource(withManifest: false), include: ["onnx/model.onnx"]);

        var installed = await ModelInstaller.InstallAsync(source, Target, SourceFixtures.Manifest("acme/by-hand"));

        Assert.Equal("acme/by-hand", installed.Id);
        Assert.True(ModelStore.Open(Models).TryGet("acme/by-hand", out _));
        Assert.False(File.Exists(Path.Combine(Target, "onnx", "model.onnx_data")));
    }

    [Fact]
    public async Task FetchAsync_MissingFolderOrUnmatchedPattern_ThrowsNamingIt()
    {
        var missing = await Assert.ThrowsAsync<ModelSourceException>(() => new LocalFolderSource(temp.Combine("nowhere")).FetchAsync(Target));
        var unmatched = await Assert.ThrowsAsync<ModelSourceException>(() => new LocalFolderSource(WriteSource(), include: ["*.safetensors"]).FetchAsync(Target));

        Assert.Contains(temp.Combine("nowhere"), missing.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'*.safetensors' matches no file", unmatched.Message, StringComparison.Ordinal);
    }
}
