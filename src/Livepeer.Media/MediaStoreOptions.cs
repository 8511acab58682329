namespace Livepeer.Media;

/// <summary>Settings of <see cref="FileSystemMediaStore"/>.</summary>
public sealed class MediaStoreOptions
{
    /// <summary>Folder holding one sub-folder per request; default <c>&lt;temp&gt;/livepeer-media</c>.</summary>
    public string Root { get; set; } = Path.Combine(Path.GetTempPath(), "livepeer-media");

    /// <summary>How long a file stays available after it is saved; default 1 hour.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often expired files are deleted; default 1 minute; <see cref="Timeout.InfiniteTimeSpan"/> disables the timer.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(1);
}
