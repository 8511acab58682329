namespace Livepeer.Media;

/// <summary>Keeps generated media for a while and serves it under <c>/stream/&lt;requestId&gt;/&lt;fileName&gt;</c>.</summary>
public interface IMediaStore
{
    /// <summary>Saves <paramref name="data"/> under a fresh 8-hex file name with the format's extension.</summary>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is not 8 lower-case hex, or the format is unknown.</exception>
    Task<StoredMedia> SaveAsync(string requestId, ReadOnlyMemory<byte> data, MediaFormat format, CancellationToken ct);

    /// <summary>Opens a saved file; null when it is absent or expired, or when the id or name is not one this store creates.</summary>
    Task<MediaContent?> OpenAsync(string requestId, string fileName, CancellationToken ct);
}
