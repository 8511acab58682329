namespace Livepeer.Pipelines.Sources;

/// <summary>
/// A model's files from a folder on this machine (ONNX files, and usually a <c>manifest.json</c>): copied into the
/// model folder, or linked there with symbolic links so that large files are not stored twice. Fetching into the
/// folder itself uses it in place.
/// </summary>
public sealed class LocalFolderSource : IModelSource
{
    private const int BufferSize = 1 << 20;
    private readonly string root;
    private readonly IReadOnlyList<string> include;
    private readonly bool link;

    /// <summary>Creates the source.</summary>
    /// <param name="path">The folder holding the model's files.</param>
    /// <param name="include">Which files to take (the <see cref="HuggingFaceRepository.Include"/> pattern syntax); null or empty takes every file. <c>manifest.json</c> is always taken.</param>
    /// <param name="link">Link the files instead of copying them.</param>
    /// <exception cref="ArgumentException">The path is empty or a pattern is malformed.</exception>
    public LocalFolderSource(string path, IReadOnlyList<string>? include = null, bool link = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.include = include ?? [];
        foreach (var pattern in this.include)
        {
            if (FileGlob.Problem(pattern) is { } problem)
                throw new ArgumentException($"{problem}.", nameof(include));
        }

        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        this.link = link;
    }

    /// <inheritdoc />
    public string Description => $"local folder '{root}'";

    /// <inheritdoc />
    public Task<IReadOnlyList<string>?> VerifyAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(root))
            return Task.FromResult<IReadOnlyList<string>?>(null);
        var files = Choose();
        var present = IsSelf(folder) || files.All(file => IsInPlace(file, ModelFolder.Resolve(folder, file)!));
        return Task.FromResult<IReadOnlyList<string>?>(present ? files : null);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FetchAsync(string folder, IProgress<ModelSourceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var files = Choose();
        if (IsSelf(folder))
            return files;
        if (files.All(file => IsInPlace(file, ModelFolder.Resolve(folder, file)!)))
            return files;

        Disk(folder, () =>
        {
            Directory.CreateDirectory(folder);
            ModelFolder.MarkIncomplete(folder);
        });
        var todo = files.Where(file => !IsInPlace(file, ModelFolder.Resolve(folder, file)!)).ToList();
        var tracker = new TransferProgress(progress, link ? 0 : todo.Sum(file => new FileInfo(Source(file)).Length));
        foreach (var file in todo)
        {
            var target = ModelFolder.Resolve(folder, file)!;
            var partial = target + ModelFolder.PartialSuffix;
            Disk(target, () =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                ModelFolder.DeleteIfPresent(partial);
            });
            if (link)
                Disk(target, () => File.CreateSymbolicLink(partial, Source(file)));
            else
                await CopyAsync(file, partial, tracker, cancellationToken);
            Disk(target, () => File.Move(partial, target, overwrite: true));
            tracker.Complete(file, link ? 0 : new FileInfo(target).Length);
        }

        return files;
    }

    /// <summary>The folder's files the patterns pick, ordinal order, the manifest last.</summary>
    private List<string> Choose()
    {
        if (!Directory.Exists(root))
            throw new ModelSourceException($"{Description} does not exist.");
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var all = Directory.EnumerateFiles(root, "*", options)
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !ModelFolder.IsReserved(path))
            .ToList();
        IEnumerable<string> chosen = all.Order(StringComparer.Ordinal);
        if (include.Count > 0)
        {
            chosen = FileGlob.Select(all, include, out var unmatched);
            if (unmatched is not null)
                throw new ModelSourceException($"{Description}: the pattern '{unmatched}' matches no file.");
        }

        var files = chosen.Where(path => path != ModelManifest.FileName).ToList();
        if (all.Contains(ModelManifest.FileName))
            files.Add(ModelManifest.FileName);
        if (files.Count == 0)
            throw new ModelSourceException($"{Description} has no files.");
        return files;
    }

    private string Source(string relative) => ModelFolder.Resolve(root, relative)!;

    private bool IsSelf(string folder) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), root, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="target"/> is the link to, or a copy of (same length and time), the source file.</summary>
    private bool IsInPlace(string relative, string target)
    {
        var info = new FileInfo(target);
        if (link)
            return info.LinkTarget == Source(relative);
        var source = new FileInfo(Source(relative));
        return info.Exists && info.LinkTarget is null && info.Length == source.Length && info.LastWriteTimeUtc == source.LastWriteTimeUtc;
    }

    private async Task CopyAsync(string relative, string partial, TransferProgress tracker, CancellationToken cancellationToken)
    {
        var source = Source(relative);
        try
        {
            await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan))
            await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                long copied = 0;
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    copied += read;
                    tracker.Report(relative, copied, input.Length);
                }
            }

            File.SetLastWriteTimeUtc(partial, File.GetLastWriteTimeUtc(source));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelSourceException($"{Description}: could not copy '{relative}' to '{partial}': {e.Message}", e);
        }
    }

    private void Disk(string path, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelSourceException($"{Description}: could not write '{path}': {e.Message}", e);
        }
    }
}
