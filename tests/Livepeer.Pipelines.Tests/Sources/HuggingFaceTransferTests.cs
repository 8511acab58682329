using Livepeer.Pipelines.Sources;
using Microsoft.Extensions.Time.Testing;

namespace Livepeer.Pipelines.Tests.Sources;

/// <summary>Transfers that break off, stall, are cancelled or arrive corrupt.</summary>
public sealed class HuggingFaceTransferTests : HubTestBase
{
    /// <summary>Where transfers break off: one MiB, where progress is reported, so the client says when it has every byte before the break.</summary>
    private const int Cut = 1 << 20;

    private string DataPartial => InFolder(SourceFixtures.DataPath) + ".partial";

    /// <summary>Progress that lets a held body break off once the client has <see cref="Cut"/> bytes of the data file.</summary>
    private SyncProgress<ModelSourceProgress> BreakOffAtCut() => new(report =>
    {
        if (report.File == SourceFixtures.DataPath && report.FileBytes >= Cut)
            Hub.Release.TrySetResult();
    });

    private static void HoldThenBreakOff(FakeRepo repo) => repo.Find(SourceFixtures.DataPath)!.HoldAfter = Cut;

    [Fact]
    public async Task FetchAsync_ConnectionBreaksOffMidBody_ResumesWithRangeAndCompletes()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        HoldThenBreakOff(repo);

        await Source([SourceFixtures.DataPath]).FetchAsync(Folder, BreakOffAtCut());

        Assert.Equal(SourceFixtures.Data, File.ReadAllBytes(InFolder(SourceFixtures.DataPath)));
        Assert.False(File.Exists(DataPartial));
        var cdn = ContentRequests(repo.Find(SourceFixtures.DataPath)!).Where(request => request.Server == "cdn").ToList();
        Assert.Equal([null, $"bytes={Cut}-"], cdn.Select(request => request.Range));
        var hub = ContentRequests(repo.Find(SourceFixtures.DataPath)!).Where(request => request.Server == "hub").ToList();
        Assert.Equal([null, $"bytes={Cut}-"], hub.Select(request => request.Range));
    }

    [Fact]
    public async Task FetchAsync_BreaksOffThenNothingArrives_ThrowsTruncatedKeepsPartialAndNextFetchResumes()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        HoldThenBreakOff(repo);
        repo.Find(SourceFixtures.DataPath)!.Cuts.Enqueue(0);

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => ModelInstaller.InstallAsync(Source(), Folder, progress: BreakOffAtCut()));

        Assert.Contains(SourceFixtures.RepoId, error.Message, StringComparison.Ordinal);
        Assert.Contains(SourceFixtures.DataPath, error.Message, StringComparison.Ordinal);
        Assert.Contains($"truncated at {Cut} of {SourceFixtures.DataSize} bytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(Cut, new FileInfo(DataPartial).Length);
        Assert.False(File.Exists(InFolder(ModelManifest.FileName)));
        Assert.Empty(ModelStore.Open(ModelsRoot).Models);
        Hub.Requests.Clear();

        await ModelInstaller.InstallAsync(Source(), Folder);

        Assert.Equal(SourceFixtures.Data, File.ReadAllBytes(InFolder(SourceFixtures.DataPath)));
        var cdn = ContentRequests(repo.Find(SourceFixtures.DataPath)!).Single(request => request.Server == "cdn");
        Assert.Equal($"bytes={Cut}-", cdn.Range);
        Assert.True(ModelStore.Open(ModelsRoot).TryGet(SourceFixtures.RepoId, out _));
    }

    [Fact]
    public async Task FetchAsync_ServerIgnoresRange_DownloadsTheWholeFileAgain()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        HoldThenBreakOff(repo);
        Hub.IgnoreRange = true;

        await Source([SourceFixtures.DataPath]).FetchAsync(Folder, BreakOffAtCut());

        Assert.Equal(SourceFixtures.Data, File.ReadAllBytes(InFolder(SourceFixtures.DataPath)));
        Assert.Equal([null, $"bytes={Cut}-"], ContentRequests(repo.Find(SourceFixtures.DataPath)!).Where(request => request.Server == "cdn").Select(request => request.Range));
    }

    [Fact]
    public async Task FetchAsync_Cancelled_KeepsThePartialFileAndTheNextFetchResumesIt()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        repo.Find(SourceFixtures.DataPath)!.HoldAfter = 2 * Cut;
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress<ModelSourceProgress>(report =>
        {
            if (report.File == SourceFixtures.DataPath && report.FileBytes >= Cut)
                cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Source([SourceFixtures.DataPath]).FetchAsync(Folder, progress, cancel.Token));

        var kept = new FileInfo(DataPartial).Length;
        Assert.InRange(kept, Cut, SourceFixtures.DataSize - 1);
        Assert.False(File.Exists(InFolder(SourceFixtures.DataPath)));
        Hub.Release.TrySetResult();
        Hub.Requests.Clear();

        await Source([SourceFixtures.DataPath]).FetchAsync(Folder);

        Assert.Equal(SourceFixtures.Data, File.ReadAllBytes(InFolder(SourceFixtures.DataPath)));
        Assert.Equal($"bytes={kept}-", ContentRequests(repo.Find(SourceFixtures.DataPath)!).Single(request => request.Server == "cdn").Range);
    }

    [Fact]
    public async Task FetchAsync_TransferStallsPastTheTimeout_ResumesWithRange()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        repo.Find(SourceFixtures.DataPath)!.HoldAfter = 2 * Cut;
        var time = new FakeTimeProvider();
        var stalled = false;
        var progress = new SyncProgress<ModelSourceProgress>(report =>
        {
            // The clock jumps past the stall timeout in the middle of the transfer: the next read gives up on the connection.
            if (!stalled && report.File == SourceFixtures.DataPath && report.FileBytes >= Cut)
            {
                stalled = true;
                time.Advance(new HuggingFaceRepository { Repo = "a/b" }.StallTimeout + TimeSpan.FromSeconds(1));
            }
        });

        await Source([SourceFixtures.DataPath], time: time).FetchAsync(Folder, progress);

        Assert.Equal(SourceFixtures.Data, File.ReadAllBytes(InFolder(SourceFixtures.DataPath)));
        var ranges = ContentRequests(repo.Find(SourceFixtures.DataPath)!).Where(request => request.Server == "cdn").Select(request => request.Range).ToList();
        Assert.Equal(2, ranges.Count);
        Assert.Null(ranges[0]);
        Assert.StartsWith("bytes=", ranges[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallAsync_CorruptContent_ThrowsNamingTheFileAndLeavesNothingInstalled()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        var model = repo.Find(SourceFixtures.ModelPath)!;
        model.Served = [.. model.Content];
        model.Served[^1] ^= 0xFF;

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => ModelInstaller.InstallAsync(Source(), Folder));

        Assert.Contains(SourceFixtures.RepoId, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{SourceFixtures.ModelPath}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
        Assert.Contains(model.Sha256, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SourceFixtures.ModelPath, FolderFiles());
        Assert.DoesNotContain(SourceFixtures.ModelPath + ".partial", FolderFiles());
        Assert.DoesNotContain(ModelManifest.FileName, FolderFiles());
        Assert.DoesNotContain(".source.json", FolderFiles());
        Assert.Empty(ModelStore.Open(ModelsRoot).Models);
    }

    [Fact]
    public async Task FetchAsync_CorruptGitFile_FailsTheGitBlobCheck()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        var readme = repo.Find("README.md")!;
        readme.Served = "# tiny upscaleR\n"u8.ToArray();

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => Source(["README.md"]).FetchAsync(Folder));

        Assert.Contains("'README.md'", error.Message, StringComparison.Ordinal);
        Assert.Contains("git blob SHA-1", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(InFolder("README.md")));
    }

    [Fact]
    public async Task FetchAsync_ServerSendsMoreThanListed_ThrowsAndDeletesTheDownload()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        var model = repo.Find(SourceFixtures.ModelPath)!;
        model.Served = [.. model.Content, 0];

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => Source([SourceFixtures.ModelPath]).FetchAsync(Folder));

        Assert.Contains($"more than the {model.Content.Length} bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SourceFixtures.ModelPath + ".partial", FolderFiles());
    }

    [Fact]
    public async Task FetchAsync_PartialFileCannotBeWritten_ThrowsDiskErrorNamingThePath()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        Directory.CreateDirectory(DataPartial);

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => Source([SourceFixtures.DataPath]).FetchAsync(Folder));

        Assert.Contains($"could not write '{DataPartial}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(SourceFixtures.RepoId, error.Message, StringComparison.Ordinal);
    }
}
