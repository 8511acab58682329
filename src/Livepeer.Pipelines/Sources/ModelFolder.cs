namespace Livepeer.Pipelines.Sources;

/// <summary>Paths inside a model folder, and writing files so that no reader ever sees half of one.</summary>
internal static class ModelFolder
{
    /// <summary>Suffix of a file still being written; it is renamed to its final name only when complete and checked.</summary>
    public const string PartialSuffix = ".partial";

    /// <summary>Where a source records what it put in the folder (see <see cref="SourceRecord"/>).</summary>
    public const string SourceRecordName = ".source.json";

    /// <summary>Whether <paramref name="relative"/> is a file a source never delivers: its own record or a file still being written.</summary>
    public static bool IsReserved(string relative) =>
        relative is SourceRecordName || relative.EndsWith(PartialSuffix, StringComparison.Ordinal);

    /// <summary>The absolute path of <paramref name="relative"/> (<c>/</c>-separated) inside <paramref name="folder"/>, or null when it would leave the folder.</summary>
    public static string? Resolve(string folder, string relative)
    {
        if (!IsSafeRelative(relative))
            return null;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(root, StringComparison.Ordinal) && full.Length > root.Length ? full : null;
    }

    /// <summary>Whether <paramref name="relative"/> is a plain <c>/</c>-separated path that stays inside any folder.</summary>
    public static bool IsSafeRelative(string relative) =>
        !string.IsNullOrEmpty(relative) && !relative.Contains('\\', StringComparison.Ordinal) && !relative.Contains('\0', StringComparison.Ordinal)
        && relative.Split('/').All(part => part is not ("" or "." or ".."));

    /// <summary>
    /// Takes away what makes <paramref name="folder"/> an installed model (its manifest and source record) before its
    /// files change, so the model store never loads a mix of old and new files.
    /// </summary>
    public static void MarkIncomplete(string folder)
    {
        DeleteIfPresent(Path.Combine(folder, SourceRecordName));
        DeleteIfPresent(Path.Combine(folder, ModelManifest.FileName));
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> through a partial file and a rename, so the old or the new content is there, never a mix.</summary>
    public static async Task WriteAtomicAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var partial = path + PartialSuffix;
        await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await stream.WriteAsync(bytes, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Deletes <paramref name="path"/> when it exists.</summary>
    public static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
            File.Delete(path);
    }
}
