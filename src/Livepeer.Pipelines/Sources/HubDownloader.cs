using System.Net;
using Microsoft.Extensions.Logging;

namespace Livepeer.Pipelines.Sources;

/// <summary>
/// Downloads one file of a Hugging Face repository to <c>&lt;target&gt;.partial</c>, resuming with an HTTP range after
/// an interruption, checks its size and hash, and only then renames it to <c>&lt;target&gt;</c>.
/// </summary>
internal sealed class HubDownloader(HubClient hub, TimeSpan stallTimeout, TimeProvider time, ILogger logger)
{
    /// <summary>How many times one fetch resumes a file whose transfers keep breaking off (each after some progress).</summary>
    internal const int MaxResumes = 20;

    private const int BufferSize = 1 << 16;

    public async Task DownloadAsync(HubFile file, string commit, string target, TransferProgress progress, CancellationToken cancellationToken)
    {
        var partial = target + ModelFolder.PartialSuffix;
        Disk(partial, () => Directory.CreateDirectory(Path.GetDirectoryName(target)!));
        for (var resumes = 0; ; resumes++)
        {
            var have = Length(partial);
            if (have > file.Size)
            {
                Disk(partial, () => File.Delete(partial));
                have = 0;
            }

            if (have == file.Size)
                break;
            HuggingFaceSource.Log.Downloading(logger, file.Path, file.Size, have);
            progress.Report(file.Path, have, file.Size, force: true);
            var attempt = await TransferAsync(file, commit, partial, have, progress, cancellationToken);
            if (attempt.Length == file.Size)
                break;
            if (attempt.RangeRefused && attempt.Length > 0)
                Disk(partial, () => File.Delete(partial));
            else if (attempt.Received == 0 || resumes == MaxResumes)
                throw Truncated(file, attempt);
            HuggingFaceSource.Log.Interrupted(logger, file.Path, attempt.Length, file.Size, attempt.Reason);
        }

        var digest = await FileDigest.ComputeAsync(partial, file.Kind, cancellationToken);
        if (!string.Equals(digest, file.ExpectedDigest, StringComparison.OrdinalIgnoreCase))
        {
            Disk(partial, () => File.Delete(partial));
            throw new ModelSourceException(
                $"{hub.Description}, file '{file.Path}': the download is corrupt ({FileDigest.Name(file.Kind)} {digest}, the Hub lists {file.ExpectedDigest}); it was deleted, fetch again.");
        }

        Disk(target, () => File.Move(partial, target, overwrite: true));
        progress.Complete(file.Path, file.Size);
    }

    /// <summary>One request: appends what arrives to the partial file until the body ends, breaks off or stalls.</summary>
    private async Task<Attempt> TransferAsync(HubFile file, string commit, string partial, long offset, TransferProgress progress, CancellationToken cancellationToken)
    {
        using var stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        stall.CancelAfter(stallTimeout);
        HttpResponseMessage response;
        try
        {
            response = await hub.OpenAsync(file, commit, offset, linked.Token);
        }
        catch (OperationCanceledException) when (stall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new Attempt(offset, 0, false, $"no answer within {stallTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new Attempt(offset, 0, false, e.Message);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
                return new Attempt(offset, 0, true, "the server refused to resume");
            var append = response.StatusCode == HttpStatusCode.PartialContent;
            if (append && response.Content.Headers.ContentRange?.From != offset)
                throw new ModelSourceException($"{hub.Description}, file '{file.Path}': the server answered bytes from {response.Content.Headers.ContentRange?.From} when asked for {offset}.");
            if (!append && offset > 0)
            {
                HuggingFaceSource.Log.RangeIgnored(logger, file.Path, offset);
                offset = 0;
            }

            var received = 0L;
            var tooLong = false;
            var reason = "the connection ended early";
            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            await using (var output = Disk(partial, () => new FileStream(partial, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous)))
            {
                var buffer = new byte[BufferSize];
                while (true)
                {
                    stall.CancelAfter(stallTimeout);
                    int read;
                    try
                    {
                        read = await body.ReadAsync(buffer, linked.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        reason = $"nothing arrived for {stallTimeout.TotalSeconds:0.#} s";
                        break;
                    }
                    catch (Exception e) when (e is IOException or HttpRequestException)
                    {
                        reason = e.Message;
                        break;
                    }

                    if (read == 0)
                        break;
                    if (offset + received + read > file.Size)
                    {
                        tooLong = true;
                        break;
                    }

                    try
                    {
                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        throw DiskError(partial, e);
                    }

                    received += read;
                    progress.Report(file.Path, offset + received, file.Size);
                }
            }

            if (tooLong)
            {
                Disk(partial, () => File.Delete(partial));
                throw new ModelSourceException($"{hub.Description}, file '{file.Path}': the server sent more than the {file.Size} bytes the Hub lists; the download was deleted.");
            }

            return new Attempt(offset + received, received, false, reason);
        }
    }

    private ModelSourceException Truncated(HubFile file, Attempt attempt) => attempt.Length == 0
        ? new($"{hub.Description}, file '{file.Path}': the download failed before any byte arrived ({attempt.Reason}).")
        : new($"{hub.Description}, file '{file.Path}': the download is truncated at {attempt.Length} of {file.Size} bytes ({attempt.Reason}). " +
            $"The part received is kept in '{Path.GetFileName(file.Path)}{ModelFolder.PartialSuffix}'; fetching again resumes it.");

    private ModelSourceException DiskError(string path, Exception e) =>
        new($"{hub.Description}: could not write '{path}': {e.Message}", e);

    private static long Length(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }

    private void Disk(string path, Action action) => Disk(path, () =>
    {
        action();
        return 0;
    });

    private T Disk<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DiskError(path, e);
        }
    }

    /// <param name="Length">Bytes of the partial file after the attempt.</param>
    /// <param name="Received">Bytes the attempt added.</param>
    /// <param name="RangeRefused">The server answered 416: the partial file is of no use.</param>
    /// <param name="Reason">Why the attempt ended short, in words.</param>
    private readonly record struct Attempt(long Length, long Received, bool RangeRefused, string Reason);
}
