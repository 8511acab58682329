using System.Collections.Immutable;

namespace Livepeer.Pipelines.Tests;

public sealed class ModelStoreTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>Writes a model folder at <paramref name="relativeFolder"/> (slash-separated) whose manifest claims <paramref name="id"/>.</summary>
    private string WriteModel(string relativeFolder, string id, long memoryBytes = 1024)
    {
        var folder = temp.Combine(relativeFolder.Split('/'));
        temp.WriteFile(Path.Combine(folder, "model.onnx"), [1, 2, 3]);
        new ModelManifest
        {
            Id = id,
            Family = ModelFamilies.OnnxTensor,
            Pipelines = [PipelineNames.Upscale],
            MemoryBytes = memoryBytes,
            Files = ImmutableDictionary<string, string>.Empty.Add("model", "model.onnx"),
        }.Save(folder);
        return folder;
    }

    [Fact]
    public void Open_OwnerNameFolders_FindsEveryModel()
    {
        var first = WriteModel("livepeer/tiny", "livepeer/tiny", memoryBytes: 111);
        var second = WriteModel("acme/big", "acme/big", memoryBytes: 222);

        var store = ModelStore.Open(temp.Root);

        Assert.Equal(temp.Root, store.Root);
        Assert.Equal(["acme/big", "livepeer/tiny"], store.Models.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(first, store.Models["livepeer/tiny"].Folder);
        Assert.Equal(111, store.Models["livepeer/tiny"].Manifest.MemoryBytes);
        Assert.Equal(second, store.Models["acme/big"].Folder);
        Assert.Equal("acme/big", store.Models["acme/big"].Id);
    }

    [Fact]
    public void Open_ModelsOneToThreeLevelsDeep_FindsThemAndIgnoresDeeper()
    {
        WriteModel("one", "depth/one");
        WriteModel("a/two", "depth/two");
        WriteModel("a/b/three", "depth/three");
        WriteModel("a/b/c/four", "depth/four");

        var store = ModelStore.Open(temp.Root);

        Assert.Equal(["depth/one", "depth/three", "depth/two"], store.Models.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Open_FolderNameDiffersFromId_IndexesById()
    {
        var folder = WriteModel("downloads/v1", "acme/upscaler");

        var store = ModelStore.Open(temp.Root);

        Assert.True(store.TryGet("acme/upscaler", out var model));
        Assert.Equal(folder, model.Folder);
        Assert.False(store.TryGet("downloads/v1", out _));
    }

    [Fact]
    public void Open_TwoFoldersSameId_ThrowsNamingBothFolders()
    {
        var first = WriteModel("acme/upscaler", "acme/upscaler");
        var second = WriteModel("mirror/upscaler", "acme/upscaler");

        var error = Assert.Throws<InvalidModelException>(() => ModelStore.Open(temp.Root));

        Assert.Contains("'acme/upscaler'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{first}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{second}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingRoot_ThrowsDirectoryNotFoundNamingPath()
    {
        var missing = temp.Combine("no", "such", "models");

        var error = Assert.Throws<DirectoryNotFoundException>(() => ModelStore.Open(missing));

        Assert.Contains($"'{missing}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EmptyRoot_HasNoModels()
    {
        Directory.CreateDirectory(temp.Combine("empty", "owner"));

        var store = ModelStore.Open(temp.Root);

        Assert.Empty(store.Models);
        Assert.False(store.TryGet("anything", out var model));
        Assert.Null(model);
    }

    [Fact]
    public void Open_BrokenManifestInTree_ThrowsNamingIt()
    {
        WriteModel("acme/good", "acme/good");
        var broken = temp.Combine("acme", "broken");
        temp.WriteFile(Path.Combine(broken, ModelManifest.FileName), "{ broken"u8.ToArray());

        var error = Assert.Throws<InvalidModelException>(() => ModelStore.Open(temp.Root));

        Assert.Contains(Path.Combine(broken, ModelManifest.FileName), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_KnownId_ReturnsInstalledModel()
    {
        var folder = WriteModel("acme/upscaler", "acme/upscaler", memoryBytes: 4096);
        var store = ModelStore.Open(temp.Root);

        Assert.True(store.TryGet("acme/upscaler", out var model));

        Assert.Equal("acme/upscaler", model.Id);
        Assert.Equal(folder, model.Folder);
        Assert.Equal(4096, model.Manifest.MemoryBytes);
        Assert.Equal(Path.Combine(folder, "model.onnx"), model.Manifest.FilePath(model.Folder, "model"));
    }

    [Theory]
    [InlineData("acme/other")]
    [InlineData("ACME/UPSCALER")]
    [InlineData("")]
    public void TryGet_UnknownId_ReturnsFalse(string id)
    {
        WriteModel("acme/upscaler", "acme/upscaler");
        var store = ModelStore.Open(temp.Root);

        Assert.False(store.TryGet(id, out var model));

        Assert.Null(model);
    }
}
