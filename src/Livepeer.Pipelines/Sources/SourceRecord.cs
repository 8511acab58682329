using System.Collections.Immutable;
using System.Text.Json;

namespace Livepeer.Pipelines.Sources;

/// <summary>
/// The record a Hugging Face source writes next to the files it delivered: the repository, the commit the revision
/// resolved to, the patterns asked for and every file with its size and hash, so a later install can tell locally
/// that nothing needs downloading.
/// </summary>
internal sealed record SourceRecord
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required string Repo { get; init; }

    public required string Revision { get; init; }

    public required string Commit { get; init; }

    public required ImmutableArray<string> Patterns { get; init; }

    public required ImmutableArray<HubFile> Files { get; init; }

    /// <summary>The delivered files' paths, in the record's order.</summary>
    public IReadOnlyList<string> Paths() => [.. Files.Select(file => file.Path)];

    /// <summary>Whether this record is of the same request: repository and patterns (the revision may be named differently).</summary>
    public bool IsFor(string repo, IReadOnlyList<string> patterns) =>
        string.Equals(Repo, repo, StringComparison.Ordinal) && !Patterns.IsDefault && Patterns.SequenceEqual(patterns, StringComparer.Ordinal);

    /// <summary>
    /// Whether every recorded file is in <paramref name="folder"/> at its recorded size. Contents are not hashed again:
    /// each was checked before it was renamed into place.
    /// </summary>
    public bool IsPresentIn(string folder) =>
        Files.All(file => ModelFolder.Resolve(folder, file.Path) is { } path && new FileInfo(path) is { Exists: true } info && info.Length == file.Size);

    /// <summary>Reads the record of <paramref name="folder"/>; null when there is none or it cannot be read (then the files are simply checked against the Hub again).</summary>
    public static SourceRecord? TryLoad(string folder)
    {
        var path = Path.Combine(folder, ModelFolder.SourceRecordName);
        if (!File.Exists(path))
            return null;
        try
        {
            var record = JsonSerializer.Deserialize<SourceRecord>(File.ReadAllBytes(path), JsonOptions);
            return record is { Patterns.IsDefault: false, Files.IsDefault: false } ? record : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public Task SaveAsync(string folder, CancellationToken cancellationToken) =>
        ModelFolder.WriteAtomicAsync(Path.Combine(folder, ModelFolder.SourceRecordName), JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions), cancellationToken);
}
