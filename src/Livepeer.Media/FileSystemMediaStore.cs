using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Livepeer.Media;

/// <summary>
/// Keeps media as <c>&lt;Root&gt;/&lt;first two hex of requestId&gt;/&lt;requestId&gt;-&lt;fileName&gt;</c> for
/// <see cref="MediaStoreOptions.Retention"/>, then deletes it on a timer.
/// </summary>
/// <remarks>
/// One file (one inode) per result and 256 long-lived shard folders: a folder per request made every save allocate a
/// second inode, which the file system's allocator made the gateway's single largest cost under load.
/// A file's last-write time is set to the <see cref="TimeProvider"/>'s clock when it is saved, so retention survives
/// restarts and follows a fake clock in tests. Writes are atomic: a hidden temporary file renamed into place.
/// </remarks>
public sealed partial class FileSystemMediaStore : IMediaStore, IDisposable
{
    private const int MaxSaveAttempts = 5;

    private readonly string _root;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer? _timer;
    private readonly Lock _cleanupLock = new();
    private volatile bool _disposed;

    /// <summary>Creates the root folder and starts the cleanup timer.</summary>
    public FileSystemMediaStore(MediaStoreOptions options, TimeProvider timeProvider, ILogger<FileSystemMediaStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (string.IsNullOrWhiteSpace(options.Root))
            throw new ArgumentException("MediaStoreOptions.Root is required.", nameof(options));
        if (options.Retention <= TimeSpan.Zero)
            throw new ArgumentException("MediaStoreOptions.Retention must be positive.", nameof(options));
        if (options.CleanupInterval <= TimeSpan.Zero && options.CleanupInterval != Timeout.InfiniteTimeSpan)
            throw new ArgumentException("MediaStoreOptions.CleanupInterval must be positive or infinite.", nameof(options));

        _root = Path.GetFullPath(options.Root);
        _retention = options.Retention;
        _time = timeProvider;
        _logger = logger ?? NullLogger<FileSystemMediaStore>.Instance;
        Directory.CreateDirectory(_root);
        if (options.CleanupInterval != Timeout.InfiniteTimeSpan)
            _timer = timeProvider.CreateTimer(_ => CleanupFromTimer(), null, options.CleanupInterval, options.CleanupInterval);
    }

    /// <summary>The absolute root folder.</summary>
    public string Root => _root;

    /// <inheritdoc />
    public async Task<StoredMedia> SaveAsync(string requestId, ReadOnlyMemory<byte> data, MediaFormat format, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!MediaIds.IsValidId(requestId))
            throw new ArgumentException("A request id is 8 lower-case hex characters.", nameof(requestId));
        var folder = ShardOf(requestId);

        for (var attempt = 1; ; attempt++)
        {
            var fileName = MediaIds.NewFileName(format);
            var path = Path.Combine(folder, StoredName(requestId, fileName));
            var temporary = Path.Combine(folder, $".{StoredName(requestId, fileName)}.{MediaIds.NewId()}.tmp");
            var moved = false;
            try
            {
                Directory.CreateDirectory(folder);
                await WriteAsync(temporary, data, ct);
                File.SetLastWriteTimeUtc(temporary, _time.GetUtcNow().UtcDateTime);
                File.Move(temporary, path, overwrite: false);
                moved = true;
                return new StoredMedia(requestId, fileName, MediaFormats.ContentType(format), data.Length);
            }
            // The shard folder was removed from under the store (by hand); CreateDirectory makes it again.
            catch (DirectoryNotFoundException) when (attempt < MaxSaveAttempts)
            {
            }
            // Another save drew the same file name.
            catch (IOException) when (attempt < MaxSaveAttempts && File.Exists(path))
            {
            }
            finally
            {
                if (!moved)
                    TryDelete(temporary);
            }
        }
    }

    /// <inheritdoc />
    public Task<MediaContent?> OpenAsync(string requestId, string fileName, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ct.ThrowIfCancellationRequested();
        if (!MediaIds.IsValidId(requestId) || !MediaIds.IsValidFileName(fileName))
            return Task.FromResult<MediaContent?>(null);

        FileStream stream;
        try
        {
            stream = new FileStream(Path.Combine(ShardOf(requestId), StoredName(requestId, fileName)), new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<MediaContent?>(null);
        }

        var created = new DateTimeOffset(File.GetLastWriteTimeUtc(stream.SafeFileHandle), TimeSpan.Zero);
        if (IsExpired(created, _time.GetUtcNow()))
        {
            stream.Dispose();
            return Task.FromResult<MediaContent?>(null);
        }
        var format = MediaFormats.FromExtension(Path.GetExtension(fileName.AsSpan())[1..]);
        return Task.FromResult<MediaContent?>(new MediaContent(stream, MediaFormats.ContentType(format), stream.Length, created));
    }

    /// <summary>Deletes expired files; returns how many it deleted.</summary>
    public Task<int> CleanupAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Task.Run(
            () =>
            {
                lock (_cleanupLock)
                {
                    return DeleteExpired(ct);
                }
            },
            ct);
    }

    /// <summary>Stops the cleanup timer; files stay on disk.</summary>
    public void Dispose()
    {
        _disposed = true;
        _timer?.Dispose();
    }

    /// <summary>Files up to this size are written synchronously: on Linux an async file write is a thread-pool hop that costs more than writing a small image.</summary>
    private const int SynchronousWriteLimit = 1024 * 1024;

    private static async Task WriteAsync(string path, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var small = data.Length <= SynchronousWriteLimit;
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = small ? FileOptions.None : FileOptions.Asynchronous,
            PreallocationSize = data.Length,
            BufferSize = 0,
        });
        await using (stream)
        {
            if (small) stream.Write(data.Span);
            else await stream.WriteAsync(data, ct);
        }
    }

    private bool IsExpired(DateTimeOffset created, DateTimeOffset now) => now - created >= _retention;

    private void CleanupFromTimer()
    {
        // A run still in progress (slow disk, or CleanupAsync) already covers this tick.
        if (_disposed || !_cleanupLock.TryEnter())
            return;
        try
        {
            DeleteExpired(CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.CleanupFailed(_logger, _root, ex);
        }
        finally
        {
            _cleanupLock.Exit();
        }
    }

    private int DeleteExpired(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var files = 0;
        string[] shards;
        try
        {
            shards = Directory.GetDirectories(_root);
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }

        foreach (var shard in shards)
        {
            ct.ThrowIfCancellationRequested();

            // Anything else under the root is not ours to delete.
            if (!IsShardName(Path.GetFileName(shard)))
                continue;
            foreach (var file in EnumerateFilesOrNone(shard))
            {
                var created = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
                if (IsExpired(created, now) && TryDelete(file))
                    files++;
            }
        }

        if (files > 0)
            Log.CleanedUp(_logger, files, _root);
        return files;
    }

    private string ShardOf(string requestId) => Path.Combine(_root, requestId[..2]);

    private static string StoredName(string requestId, string fileName) => $"{requestId}-{fileName}";

    private static bool IsShardName(string name) => name.Length == 2 && name.All(char.IsAsciiHexDigitLower);

    private static string[] EnumerateFilesOrNone(string folder)
    {
        try
        {
            return Directory.GetFiles(folder);
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    private bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.DeleteFailed(_logger, path, ex);
            return false;
        }
    }
}
