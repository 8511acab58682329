using System.Text.Json;
using Livepeer.Pipelines.Sources;

namespace Livepeer.Pipelines.Tests.Sources;

public sealed class HuggingFaceSourceTests : HubTestBase
{
    [Fact]
    public async Task InstallAsync_RepositoryWithManifest_DownloadsChosenFilesAndModelStoreLoadsThem()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        var reports = new List<ModelSourceProgress>();

        var installed = await ModelInstaller.InstallAsync(Source(), Folder, progress: new SyncProgress<ModelSourceProgress>(reports.Add));

        Assert.Equal([".source.json", ModelManifest.FileName, SourceFixtures.ModelPath, SourceFixtures.DataPath], FolderFiles());
        Assert.Equal(SourceFixtures.Onnx, File.ReadAllBytes(InFolder(SourceFixtures.ModelPath)));
        Assert.Equal(SourceFixtures.Data, File.ReadAllBytes(InFolder(SourceFixtures.DataPath)));
        Assert.Equal(SourceFixtures.RepoId, installed.Id);
        var store = ModelStore.Open(ModelsRoot);
        Assert.True(store.TryGet(SourceFixtures.RepoId, out var model));
        Assert.Equal(Folder, model.Folder);
        Assert.Equal(InFolder(SourceFixtures.ModelPath), model.Manifest.FilePath(model.Folder, "model"));

        var total = repo.Files.Where(file => file.Path.StartsWith("onnx/", StringComparison.Ordinal) || file.Path == ModelManifest.FileName).Sum(file => (long)file.Content.Length);
        Assert.All(reports, report => Assert.Equal(total, report.TotalSize));
        Assert.Equal(total, reports[^1].TotalBytes);
        Assert.Equal(ModelManifest.FileName, reports[^1].File);
        Assert.Contains(reports, report => report.File == SourceFixtures.DataPath && report.FileBytes > 0 && report.FileBytes < SourceFixtures.DataSize);
        Assert.All(Hub.Requests, request => Assert.Equal("identity", request.AcceptEncoding));
    }

    [Fact]
    public async Task InstallAsync_RepositoryWithoutManifest_WritesSuppliedManifestAndModelStoreLoadsIt()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: false));
        var manifest = SourceFixtures.Manifest("acme/upscaler-x2");

        var installed = await ModelInstaller.InstallAsync(Source([SourceFixtures.ModelPath]), Folder, manifest);

        Assert.Equal([".source.json", ModelManifest.FileName, SourceFixtures.ModelPath], FolderFiles());
        Assert.Equal(JsonSerializer.Serialize(manifest, ModelManifest.JsonOptions), File.ReadAllText(InFolder(ModelManifest.FileName)));
        Assert.Equal("acme/upscaler-x2", installed.Id);
        Assert.True(ModelStore.Open(ModelsRoot).TryGet("acme/upscaler-x2", out var model));
        Assert.Equal(64L << 20, model.Manifest.MemoryBytes);
    }

    [Fact]
    public async Task InstallAsync_NoManifestAnywhere_ThrowsInvalidModelNamingTheSource()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: false));

        var error = await Assert.ThrowsAsync<InvalidModelException>(() => ModelInstaller.InstallAsync(Source(), Folder));

        Assert.Contains(SourceFixtures.RepoId, error.Message, StringComparison.Ordinal);
        Assert.Contains("manifest.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallAsync_SecondTime_MakesNoRequestAtAll()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        await ModelInstaller.InstallAsync(Source(), Folder);
        var written = File.GetLastWriteTimeUtc(InFolder(SourceFixtures.DataPath));
        Hub.Requests.Clear();

        var installed = await ModelInstaller.InstallAsync(Source(), Folder);

        Assert.Empty(Hub.Requests);
        Assert.Equal(SourceFixtures.RepoId, installed.Id);
        Assert.Equal(written, File.GetLastWriteTimeUtc(InFolder(SourceFixtures.DataPath)));
    }

    [Fact]
    public async Task FetchAsync_SecondTime_AsksForTheCommitAndListingButNoFileContent()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        var first = await Source().FetchAsync(Folder);
        Hub.Requests.Clear();

        var second = await Source().FetchAsync(Folder);

        Assert.Equal(first, second);
        Assert.Equal(["hub", "hub"], Hub.Requests.Select(request => request.Server));
        Assert.All(Hub.Requests, request => Assert.StartsWith("/api/models/", request.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_AfterFetchAndAfterAFileShrinks_ReportsFilesThenNull()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        var fetched = await Source().FetchAsync(Folder);

        Assert.Equal(fetched, await Source().VerifyAsync(Folder));
        Assert.Null(await Source(include: ["onnx/*.onnx"]).VerifyAsync(Folder));

        File.WriteAllBytes(InFolder(SourceFixtures.DataPath), [1, 2, 3]);
        Assert.Null(await Source().VerifyAsync(Folder));
    }

    [Fact]
    public async Task FetchAsync_FileDamagedAfterInstall_DownloadsOnlyThatFileAgain()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        await Source().FetchAsync(Folder);
        File.WriteAllBytes(InFolder(SourceFixtures.DataPath), [1, 2, 3]);
        Hub.Requests.Clear();

        await Source().FetchAsync(Folder);

        Assert.Equal(SourceFixtures.Data, File.ReadAllBytes(InFolder(SourceFixtures.DataPath)));
        Assert.Empty(ContentRequests(repo.Find(SourceFixtures.ModelPath)!));
        Assert.NotEmpty(ContentRequests(repo.Find(SourceFixtures.DataPath)!));
    }

    [Fact]
    public async Task FetchAsync_WithToken_SendsItToTheHubButNeverToTheCdn()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true, token: "hf_secret"));

        await Source(token: "hf_secret").FetchAsync(Folder);

        var hub = Hub.Requests.Where(request => request.Server == "hub").ToList();
        var cdn = Hub.Requests.Where(request => request.Server == "cdn").ToList();
        Assert.NotEmpty(hub);
        Assert.All(hub, request => Assert.Equal("Bearer hf_secret", request.Authorization));
        Assert.Equal(2, cdn.Count);
        Assert.All(cdn, request => Assert.Null(request.Authorization));
        Assert.Equal(SourceFixtures.Onnx, File.ReadAllBytes(InFolder(SourceFixtures.ModelPath)));
    }

    [Fact]
    public async Task FetchAsync_ListingInPages_FollowsTheLinkHeader()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        Hub.TreePageSize = 2;

        var files = await Source(include: []).FetchAsync(Folder);

        Assert.Equal(["README.md", "config.json", SourceFixtures.ModelPath, SourceFixtures.DataPath, ModelManifest.FileName], files);
        Assert.Equal(3, Hub.Requests.Count(request => request.Path.Contains("/tree/", StringComparison.Ordinal)));
        Assert.Equal("# tiny upscaler\n"u8.ToArray(), File.ReadAllBytes(InFolder("README.md")));
    }

    [Fact]
    public async Task FetchAsync_PinnedCommit_ListsAndDownloadsAtThatCommit()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));

        await Source(revision: repo.Commit).FetchAsync(Folder);

        Assert.All(Hub.Requests.Where(request => request.Server == "hub"), request => Assert.Contains(repo.Commit, request.Path, StringComparison.Ordinal));
        Assert.NotNull(await Source(revision: repo.Commit).VerifyAsync(Folder));
    }

    [Fact]
    public async Task FetchAsync_FewerFilesThanLastTime_DeletesTheOnesNoLongerChosen()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        await Source().FetchAsync(Folder);

        await Source(include: [SourceFixtures.ModelPath]).FetchAsync(Folder);

        Assert.Equal([".source.json", ModelManifest.FileName, SourceFixtures.ModelPath], FolderFiles());
    }
}
