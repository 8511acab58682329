using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Livepeer.Pipelines.Sources;

/// <summary>
/// A model's files from a Hugging Face repository over HTTP: the revision is pinned to a commit, the chosen files are
/// downloaded (resuming interrupted transfers), checked against the sizes and hashes the Hub lists, and recorded so a
/// later install of the same thing is a no-op.
/// </summary>
public sealed partial class HuggingFaceSource : IModelSource
{
    private static readonly Lazy<HttpClient> SharedHttp = new(CreateHttpClient);

    private readonly HuggingFaceRepository repository;
    private readonly HubClient hub;
    private readonly HubDownloader downloader;
    private readonly ILogger logger;

    /// <summary>Creates the source; <paramref name="repository"/> is checked here.</summary>
    /// <exception cref="ArgumentException">A setting of <paramref name="repository"/> is wrong.</exception>
    public HuggingFaceSource(HuggingFaceRepository repository, ILogger<HuggingFaceSource>? logger = null)
        : this(repository, TimeProvider.System, logger)
    {
    }

    /// <summary>Creates the source with its own clock, which times out stalled transfers.</summary>
    internal HuggingFaceSource(HuggingFaceRepository repository, TimeProvider time, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(repository);
        repository.Validate();
        this.repository = repository;
        this.logger = logger ?? NullLogger.Instance;
        hub = new HubClient(SharedHttp.Value, repository, time, this.logger);
        downloader = new HubDownloader(hub, repository.StallTimeout, time, this.logger);
    }

    /// <inheritdoc />
    public string Description => hub.Description;

    /// <inheritdoc />
    public Task<IReadOnlyList<string>?> VerifyAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var record = SourceRecord.TryLoad(folder);
        var current = record is not null && record.IsFor(repository.Repo, repository.Include)
            && (record.Revision == repository.Revision || record.Commit == repository.Revision) && record.IsPresentIn(folder);
        return Task.FromResult(current ? record!.Paths() : null);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FetchAsync(string folder, IProgress<ModelSourceProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var commit = await hub.ResolveCommitAsync(cancellationToken);
        var chosen = Choose(await hub.ListFilesAsync(commit, cancellationToken), commit);
        var record = new SourceRecord { Repo = repository.Repo, Revision = repository.Revision, Commit = commit, Patterns = [.. repository.Include], Files = chosen };
        Log.Resolved(logger, repository.Repo, repository.Revision, commit, chosen.Length, chosen.Sum(file => file.Size));

        var old = SourceRecord.TryLoad(folder);
        if (old is not null && old.IsFor(repository.Repo, repository.Include) && old.Commit == commit && old.IsPresentIn(folder))
        {
            Log.UpToDate(logger, repository.Repo, commit, folder);
            return old.Paths();
        }

        try
        {
            Directory.CreateDirectory(folder);
            ModelFolder.MarkIncomplete(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelSourceException($"{Description}: could not prepare folder '{folder}': {e.Message}", e);
        }

        var tracker = new TransferProgress(progress, chosen.Sum(file => file.Size));
        foreach (var file in chosen)
        {
            var target = ModelFolder.Resolve(folder, file.Path)!;
            if (await file.IsIntactAtAsync(target, cancellationToken))
            {
                Log.Present(logger, file.Path);
                tracker.Complete(file.Path, file.Size);
                continue;
            }

            await downloader.DownloadAsync(file, commit, target, tracker, cancellationToken);
        }

        DeleteLeftovers(folder, old, chosen);
        await record.SaveAsync(folder, cancellationToken);
        return record.Paths();
    }

    /// <summary>The listed files the patterns pick (all when there are none), plus the manifest, which comes last so the folder counts as a model only once everything else is in place.</summary>
    private ImmutableArray<HubFile> Choose(IReadOnlyList<HubFile> listed, string commit)
    {
        var byPath = listed.Where(file => !ModelFolder.IsReserved(file.Path)).ToDictionary(file => file.Path, StringComparer.Ordinal);
        IEnumerable<string> paths = byPath.Keys.Order(StringComparer.Ordinal);
        if (repository.Include.Count > 0)
        {
            paths = FileGlob.Select(byPath.Keys, repository.Include, out var unmatched);
            if (unmatched is not null)
                throw new ModelSourceException($"{Description}: the pattern '{unmatched}' matches no file at commit {commit}.");
        }

        var chosen = paths.Where(path => path != ModelManifest.FileName).Select(path => byPath[path]).ToList();
        if (byPath.TryGetValue(ModelManifest.FileName, out var manifest))
            chosen.Add(manifest);
        if (chosen.Count == 0)
            throw new ModelSourceException($"{Description}: the repository has no files at commit {commit}.");
        return [.. chosen];
    }

    /// <summary>Deletes files an earlier fetch into <paramref name="folder"/> delivered that this one no longer does.</summary>
    private void DeleteLeftovers(string folder, SourceRecord? old, ImmutableArray<HubFile> chosen)
    {
        if (old is null)
            return;
        var kept = chosen.Select(file => file.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var path in old.Paths().Where(path => !kept.Contains(path)))
        {
            if (ModelFolder.Resolve(folder, path) is not { } full)
                continue;
            try
            {
                ModelFolder.DeleteIfPresent(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.LeftoverNotDeleted(logger, full, e);
            }
        }
    }

    private static HttpClient CreateHttpClient()
    {
        // Redirects are followed by HubClient so that the token never reaches the download servers the Hub points to.
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        // A model file takes as long as it takes; a stalled transfer is caught by HuggingFaceRepository.StallTimeout.
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Livepeer.Orleans/1.0");
        return http;
    }
}
