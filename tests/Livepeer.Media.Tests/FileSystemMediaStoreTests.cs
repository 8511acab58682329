using Microsoft.Extensions.Time.Testing;

namespace Livepeer.Media.Tests;

public sealed class FileSystemMediaStoreTests : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);
    private static readonly byte[] Png = TestImages.Encode(MediaFormat.Png, 4, 4, TestImages.Gradient);

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private FileSystemMediaStore CreateStore(TimeSpan? cleanupInterval = null) => new(
        new MediaStoreOptions { Root = _folder.Path, Retention = Retention, CleanupInterval = cleanupInterval ?? Timeout.InfiniteTimeSpan },
        _time);

    // The documented layout: <root>/<first two characters of the request id>/<requestId>-<fileName>.
    private string StoredPath(string requestId, string fileName) =>
        Path.Combine(_folder.Path, requestId[..2], $"{requestId}-{fileName}");

    private string[] StoredNames(string requestId)
    {
        var shard = Path.Combine(_folder.Path, requestId[..2]);
        if (!Directory.Exists(shard))
            return [];
        return Directory.GetFiles(shard, $"{requestId}-*")
            .Select(path => Path.GetFileName(path)[(requestId.Length + 1)..])
            .ToArray();
    }

    private static async Task<byte[]> ReadAllAsync(MediaContent content)
    {
        using var copy = new MemoryStream();
        await content.Content.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Save_ThenOpen_ReturnsBytesAndContentType()
    {
        using var store = CreateStore();
        var requestId = MediaIds.NewId();

        var stored = await store.SaveAsync(requestId, Png, MediaFormat.Png, CancellationToken.None);
        await using var content = await store.OpenAsync(requestId, stored.FileName, CancellationToken.None);

        Assert.NotNull(content);
        Assert.Equal(Png, await ReadAllAsync(content));
        Assert.Equal("image/png", content.ContentType);
        Assert.Equal(Png.Length, content.Length);
        Assert.Equal(_time.GetUtcNow(), content.Created);
        Assert.Equal(new StoredMedia(requestId, stored.FileName, "image/png", Png.Length), stored);
        Assert.Equal([stored.FileName], StoredNames(requestId));
    }

    [Fact]
    public async Task Save_ReturnsGoLivepeerRelativeUrl()
    {
        using var store = CreateStore();
        var requestId = MediaIds.NewId();

        var stored = await store.SaveAsync(requestId, new byte[] { 1, 2, 3 }, MediaFormat.Mp4, CancellationToken.None);

        Assert.Matches("^[0-9a-f]{8}\\.mp4$", stored.FileName);
        Assert.Equal($"/stream/{requestId}/{stored.FileName}", stored.RelativeUrl);
        Assert.Equal("video/mp4", stored.ContentType);
    }

    [Fact]
    public async Task Open_BeforeRetentionEnds_ReturnsContent()
    {
        using var store = CreateStore();
        var requestId = MediaIds.NewId();
        var stored = await store.SaveAsync(requestId, Png, MediaFormat.Png, CancellationToken.None);

        _time.Advance(Retention - TimeSpan.FromSeconds(1));
        await using var content = await store.OpenAsync(requestId, stored.FileName, CancellationToken.None);

        Assert.NotNull(content);
    }

    [Fact]
    public async Task Open_AfterRetention_ReturnsNullEvenBeforeCleanup()
    {
        using var store = CreateStore();
        var requestId = MediaIds.NewId();
        var stored = await store.SaveAsync(requestId, Png, MediaFormat.Png, CancellationToken.None);
        var path = StoredPath(requestId, stored.FileName);

        _time.Advance(Retention + TimeSpan.FromSeconds(1));

        Assert.Null(await store.OpenAsync(requestId, stored.FileName, CancellationToken.None));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Cleanup_DeletesExpiredFiles()
    {
        using var store = CreateStore();
        var requestId = MediaIds.NewId();
        await store.SaveAsync(requestId, Png, MediaFormat.Png, CancellationToken.None);
        await store.SaveAsync(requestId, Png, MediaFormat.Png, CancellationToken.None);

        _time.Advance(Retention + TimeSpan.FromSeconds(1));
        var deleted = await store.CleanupAsync();

        Assert.Equal(2, deleted);
        Assert.Empty(StoredNames(requestId));
        Assert.True(Directory.Exists(_folder.Path));
    }

    [Fact]
    public async Task Cleanup_KeepsFilesStillWithinRetention()
    {
        using var store = CreateStore();
        var requestId = MediaIds.NewId();
        var old = await store.SaveAsync(requestId, Png, MediaFormat.Png, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(40));
        var fresh = await store.SaveAsync(requestId, Png, MediaFormat.Png, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(30));

        var deleted = await store.CleanupAsync();

        Assert.Equal(1, deleted);
        Assert.Equal([fresh.FileName], StoredNames(requestId));
        Assert.Null(await store.OpenAsync(requestId, old.FileName, CancellationToken.None));
        await using var content = await store.OpenAsync(requestId, fresh.FileName, CancellationToken.None);
        Assert.NotNull(content);
    }

    [Fact]
    public async Task Cleanup_LeavesFoldersThatAreNotRequestIds()
    {
        using var store = CreateStore();
        var foreign = Directory.CreateDirectory(Path.Combine(_folder.Path, "not-a-request")).FullName;
        var foreignFile = Path.Combine(foreign, "keep.txt");
        await File.WriteAllTextAsync(foreignFile, "keep");
        File.SetLastWriteTimeUtc(foreignFile, _time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(10));

        await store.CleanupAsync();

        Assert.True(File.Exists(foreignFile));
    }

    [Fact]
    public async Task Timer_DeletesExpiredFilesInTheBackground()
    {
        using var store = CreateStore(cleanupInterval: TimeSpan.FromMinutes(1));
        var requestId = MediaIds.NewId();
        await store.SaveAsync(requestId, Png, MediaFormat.Png, CancellationToken.None);

        _time.Advance(Retention - TimeSpan.FromMinutes(1));
        Assert.Single(StoredNames(requestId));

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(StoredNames(requestId));
    }

    [Fact]
    public async Task Dispose_StopsTheTimer()
    {
        var store = CreateStore(cleanupInterval: TimeSpan.FromMinutes(1));
        var requestId = MediaIds.NewId();
        await store.SaveAsync(requestId, Png, MediaFormat.Png, CancellationToken.None);

        store.Dispose();
        _time.Advance(Retention * 2);

        Assert.Single(StoredNames(requestId));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.OpenAsync(requestId, "0123abcd.png", CancellationToken.None));
    }

    [Theory]
    [InlineData("../x", "0123abcd.png")]
    [InlineData("..", "0123abcd.png")]
    [InlineData("ABCDEF12", "0123abcd.png")]
    [InlineData("0123abcd", "../../etc/passwd")]
    [InlineData("0123abcd", "..")]
    [InlineData("0123abcd", "0123abcd.PNG")]
    [InlineData("0123abcd", "0123abcd.exe")]
    [InlineData("0123abcd", "")]
    public async Task Open_InvalidIdOrName_ReturnsNull(string requestId, string fileName)
    {
        using var store = CreateStore();

        Assert.Null(await store.OpenAsync(requestId, fileName, CancellationToken.None));
    }

    [Fact]
    public async Task Open_TemporaryFileName_ReturnsNull()
    {
        using var store = CreateStore();
        var requestId = MediaIds.NewId();
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Path, requestId[..2])).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, $".{requestId}-0123abcd.png.89abcdef.tmp"), Png);

        Assert.Null(await store.OpenAsync(requestId, ".0123abcd.png.89abcdef.tmp", CancellationToken.None));
    }

    [Fact]
    public async Task Open_Missing_ReturnsNull()
    {
        using var store = CreateStore();

        Assert.Null(await store.OpenAsync(MediaIds.NewId(), "0123abcd.png", CancellationToken.None));
    }

    [Fact]
    public async Task Save_InvalidRequestIdOrUnknownFormat_Throws()
    {
        using var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync("../../tmp", Png, MediaFormat.Png, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(MediaIds.NewId(), Png, MediaFormat.Unknown, CancellationToken.None));
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task Save_ConcurrentlyToOneRequest_GivesDistinctNames()
    {
        using var store = CreateStore();
        var requestId = MediaIds.NewId();

        var saves = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Task.Run(() => store.SaveAsync(requestId, new[] { (byte)i }, MediaFormat.Wav, CancellationToken.None))));

        Assert.Equal(64, saves.Select(s => s.FileName).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(64, StoredNames(requestId).Length);
        foreach (var (save, i) in saves.Select((s, i) => (s, i)))
        {
            await using var content = await store.OpenAsync(requestId, save.FileName, CancellationToken.None);
            Assert.NotNull(content);
            Assert.Equal([(byte)i], await ReadAllAsync(content));
            Assert.Equal("audio/wav", content.ContentType);
        }
    }

    [Fact]
    public async Task SavesRacingCleanup_AllLand()
    {
        using var store = CreateStore();

        var saves = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            var requestId = MediaIds.NewId();
            var stored = await store.SaveAsync(requestId, Png, MediaFormat.Png, CancellationToken.None);
            await store.CleanupAsync();
            return stored;
        }));

        foreach (var stored in await Task.WhenAll(saves))
        {
            await using var content = await store.OpenAsync(stored.RequestId, stored.FileName, CancellationToken.None);
            Assert.NotNull(content);
        }
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => new FileSystemMediaStore(new MediaStoreOptions { Root = " " }, _time));
        Assert.Throws<ArgumentException>(() => new FileSystemMediaStore(new MediaStoreOptions { Root = _folder.Path, Retention = TimeSpan.Zero }, _time));
        Assert.Throws<ArgumentException>(() => new FileSystemMediaStore(new MediaStoreOptions { Root = _folder.Path, CleanupInterval = TimeSpan.FromSeconds(-5) }, _time));
    }

    [Fact]
    public void Options_Defaults()
    {
        var options = new MediaStoreOptions();

        Assert.Equal(Path.Combine(Path.GetTempPath(), "livepeer-media"), options.Root);
        Assert.Equal(TimeSpan.FromHours(1), options.Retention);
        Assert.Equal(TimeSpan.FromMinutes(1), options.CleanupInterval);
    }
}
