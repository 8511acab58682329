using Livepeer.Api;
using Livepeer.Gateway.Hosting;
using Livepeer.Media;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livepeer.Gateway.Http;

/// <summary>
/// go-livepeer's asynchronous mode, kept in this process's memory as go-livepeer keeps it: a job accepted with
/// <c>Prefer: respond-async</c> runs in the background, detached from its HTTP request and cancelled only when the host
/// stops; its outcome can be polled until <see cref="AiGatewayOptions.MediaRetention"/> after it finished (as long as its
/// media stay downloadable). At most <see cref="AiGatewayOptions.AsyncResultCapacity"/> jobs, running or finished and
/// not yet expired, are held; beyond that new ones are refused with 503.
/// </summary>
internal sealed partial class AsyncJobRegistry(IOptions<AiGatewayOptions> options, TimeProvider time, ILogger<AsyncJobRegistry> logger)
    : IHostedLifecycleService, IDisposable
{
    private const string ShuttingDown = "The gateway is shutting down.";

    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private bool stopped;
    private bool disposed;

    /// <summary>Starts <paramref name="run"/> in the background and returns its new request id.</summary>
    /// <param name="pipeline">The pipeline whose <c>/result</c> path finds the job.</param>
    /// <param name="run">The job: what the synchronous call would do after checking its input, up to the stored media.</param>
    /// <exception cref="ApiProblemException">503: the registry is full, or the host is stopping.</exception>
    public string Start(string pipeline, Func<CancellationToken, Task<IReadOnlyList<Api.Media>>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = options.Value;
        lock (gate)
        {
            if (stopped) throw new ApiProblemException(StatusCodes.Status503ServiceUnavailable, ShuttingDown, settings.RetryAfterSeconds);
            if (entries.Count >= settings.AsyncResultCapacity) RemoveExpired();
            if (entries.Count >= settings.AsyncResultCapacity)
            {
                Log.Full(logger, pipeline, settings.AsyncResultCapacity);
                throw new ApiProblemException(
                    StatusCodes.Status503ServiceUnavailable,
                    $"This gateway already holds {settings.AsyncResultCapacity} asynchronous jobs, running or waiting to be collected; try again later.",
                    settings.RetryAfterSeconds);
            }

            string id;
            do id = MediaIds.NewId();
            while (entries.ContainsKey(id));

            // Task.Run: the job must not run on (or be cancelled with) the request that started it.
            var entry = new Entry(pipeline);
            var token = stopping.Token;
            entry.Run = Task.Run(() => RunAsync(id, entry, run, token), CancellationToken.None);
            entries.Add(id, entry);
            Log.Accepted(logger, pipeline, id);
            return id;
        }
    }

    /// <summary>The job's status, or null when <paramref name="requestId"/> is unknown to <paramref name="pipeline"/> or its result expired.</summary>
    public AsyncJobStatus? Find(string pipeline, string requestId)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(requestId, out var entry) || entry.Pipeline != pipeline) return null;
            if (entry.Result is not { } result) return new AsyncJobStatus(AsyncJobStatus.Processing);
            if (entry.ExpiresAt <= time.GetUtcNow())
            {
                entries.Remove(requestId);
                return null;
            }

            return new AsyncJobStatus(AsyncJobStatus.Complete, result);
        }
    }

    /// <summary>Jobs held, running or finished (expired ones included until they are swept); for tests.</summary>
    internal int Count
    {
        get
        {
            lock (gate) return entries.Count;
        }
    }

    /// <summary>Completes when the job has finished (at once when it is unknown); for tests.</summary>
    internal Task WhenFinishedAsync(string requestId)
    {
        lock (gate) return entries.TryGetValue(requestId, out var entry) ? entry.Run : Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Cancels the running jobs and waits for them. This runs before any hosted service stops, so the silo (which stops
    /// before this service) is still there for them to settle their payments.
    /// </summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (gate)
        {
            // A host may be stopped again after it was disposed (WebApplicationFactory does): nothing is left to stop.
            if (disposed) return;
            stopped = true;
            running = [.. entries.Values.Where(e => e.Result is null).Select(e => e.Run)];
        }

        await stopping.CancelAsync();
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout passed: the jobs end with the process.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = stopped = true;
        }

        stopping.Cancel();
        stopping.Dispose();
    }

    private async Task RunAsync(string id, Entry entry, Func<CancellationToken, Task<IReadOnlyList<Api.Media>>> run, CancellationToken token)
    {
        AsyncJobResult result;
        try
        {
            result = new AsyncJobResult(Images: await run(token));
            Log.Completed(logger, entry.Pipeline, id);
        }
        catch (Exception e)
        {
            // The message the synchronous call would have answered with; go-livepeer's "Internal Server Error" tells nobody anything.
            var failure = token.IsCancellationRequested && e is OperationCanceledException
                ? new ApiFailure(StatusCodes.Status503ServiceUnavailable, ShuttingDown)
                : ApiFailure.From(e);
            if (failure.Unexpected) Log.Unexpected(logger, e, entry.Pipeline, id);
            else Log.Failed(logger, entry.Pipeline, id, failure.StatusCode, failure.Message);
            result = new AsyncJobResult(Error: new GoApiError(failure.Message));
        }

        lock (gate)
        {
            entry.ExpiresAt = time.GetUtcNow() + options.Value.MediaRetention;
            entry.Result = result;
        }
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();

        // Removing while enumerating is allowed for Dictionary since .NET Core 3.0.
        foreach (var (id, entry) in entries)
        {
            if (entry.Result is not null && entry.ExpiresAt <= now) entries.Remove(id);
        }
    }

    /// <summary>One job; its fields are written under the registry's lock.</summary>
    private sealed class Entry(string pipeline)
    {
        public string Pipeline { get; } = pipeline;

        public Task Run { get; set; } = Task.CompletedTask;

        /// <summary>Null while running.</summary>
        public AsyncJobResult? Result { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }
    }
}
