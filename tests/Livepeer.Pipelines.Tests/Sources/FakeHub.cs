using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Livepeer.Pipelines.Tests.Sources;

/// <summary>
/// A Hugging Face Hub on 127.0.0.1: the revision and tree APIs and <c>resolve</c>, which serves git files itself and
/// redirects LFS files (302) to a second server on another port standing in for the CDN. Both record every request and
/// can break off, hold or refuse to resume a transfer.
/// </summary>
internal sealed class FakeHub : IAsyncDisposable
{
    private readonly Dictionary<string, FakeRepo> repos = new(StringComparer.Ordinal);
    private WebApplication? hub;
    private WebApplication? cdn;

    private FakeHub()
    {
    }

    public Uri Endpoint { get; private set; } = null!;

    public Uri CdnEndpoint { get; private set; } = null!;

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Signalled when a body reaches its hold point (<see cref="FakeFile.HoldAfter"/>).</summary>
    public TaskCompletionSource HoldReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ends a held body: the connection is then aborted, the bytes before the hold having been received.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answer range requests with the whole file (200), as some servers do.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>Tree entries per listing page; more are announced with a <c>Link: rel="next"</c> header.</summary>
    public int TreePageSize { get; set; } = 1000;

    public IEnumerable<FakeRequest> BodyRequests => Requests.Where(request => request.Path.Contains("/resolve/", StringComparison.Ordinal) || request.Server == "cdn");

    public static async Task<FakeHub> StartAsync()
    {
        var fake = new FakeHub();
        (fake.hub, fake.Endpoint) = await ServeAsync(fake.HandleHubAsync);
        (fake.cdn, fake.CdnEndpoint) = await ServeAsync(fake.HandleCdnAsync);
        return fake;
    }

    public FakeRepo AddRepo(FakeRepo repo)
    {
        repos[repo.Id] = repo;
        return repo;
    }

    public async ValueTask DisposeAsync()
    {
        Release.TrySetResult();
        foreach (var app in new[] { hub, cdn })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }

    private static async Task<(WebApplication App, Uri Address)> ServeAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(address));
    }

    private void Record(HttpContext context, string server) =>
        Requests.Enqueue(new FakeRequest(server, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            context.Request.Headers.Range.ToString() is { Length: > 0 } range ? range : null,
            context.Request.Headers.AcceptEncoding.ToString()));

    private async Task HandleHubAsync(HttpContext context)
    {
        Record(context, "hub");
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/api/models/", StringComparison.Ordinal))
        {
            await HandleApiAsync(context, path["/api/models/".Length..]);
            return;
        }

        var resolve = path.IndexOf("/resolve/", StringComparison.Ordinal);
        if (resolve < 0 || !TryRepo(context, path[1..resolve], out var repo))
        {
            if (resolve < 0)
                context.Response.StatusCode = 404;
            return;
        }

        var rest = path[(resolve + "/resolve/".Length)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (!IsRevision(repo, rest[..slash]))
        {
            Error(context, 404, "RevisionNotFound");
            return;
        }

        var file = repo.Find(Uri.UnescapeDataString(rest[(slash + 1)..]));
        if (file is null || file.Missing)
        {
            Error(context, 404, "EntryNotFound");
            return;
        }

        context.Response.Headers["X-Repo-Commit"] = repo.Commit;
        if (file.Lfs)
        {
            context.Response.Headers["X-Linked-Etag"] = $"\"{file.Sha256}\"";
            context.Response.Headers["X-Linked-Size"] = file.Content.Length.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.ETag = $"\"{file.GitOid}\"";
            context.Response.Redirect(new Uri(CdnEndpoint, $"blobs/{file.Sha256}?X-Amz-Signature=fake").ToString());
            return;
        }

        context.Response.Headers.ETag = $"\"{file.GitOid}\"";
        await ServeBodyAsync(context, file);
    }

    private async Task HandleApiAsync(HttpContext context, string rest)
    {
        var (kind, at) = rest.Contains("/revision/", StringComparison.Ordinal) ? ("revision", rest.IndexOf("/revision/", StringComparison.Ordinal))
            : ("tree", rest.IndexOf("/tree/", StringComparison.Ordinal));
        if (at < 0 || !TryRepo(context, rest[..at], out var repo))
        {
            if (at < 0)
                context.Response.StatusCode = 404;
            return;
        }

        var revision = Uri.UnescapeDataString(rest[(at + kind.Length + 2)..]);
        if (!IsRevision(repo, revision))
        {
            Error(context, 404, "RevisionNotFound");
            return;
        }

        if (kind == "revision")
        {
            await context.Response.WriteAsJsonAsync(new { id = repo.Id, sha = repo.Commit });
            return;
        }

        var entries = Tree(repo);
        var start = int.Parse(context.Request.Query["cursor"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
        if (start + TreePageSize < entries.Count)
        {
            var next = new Uri(Endpoint, $"{context.Request.Path.Value![1..]}?recursive=true&cursor={start + TreePageSize}");
            context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(entries.Skip(start).Take(TreePageSize)));
    }

    /// <summary>The tree listing: folders, then files with their git id, size and (for LFS files) LFS object.</summary>
    private static List<object> Tree(FakeRepo repo)
    {
        var folders = repo.Files.SelectMany(file => Folders(file.Path)).Distinct().Order(StringComparer.Ordinal);
        var entries = folders.Select(folder => (object)new { type = "directory", oid = new string('0', 40), size = 0, path = folder }).ToList();
        foreach (var file in repo.Files.OrderBy(file => file.Path, StringComparer.Ordinal))
        {
            entries.Add(file.Lfs
                ? new { type = "file", oid = file.GitOid, size = file.Content.Length, path = file.Path, lfs = new { oid = file.Sha256, size = file.Content.Length, pointerSize = 134 } }
                : new { type = "file", oid = file.GitOid, size = file.Content.Length, path = file.Path });
        }

        return entries;
    }

    private static IEnumerable<string> Folders(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            yield return path[..slash];
    }

    private async Task HandleCdnAsync(HttpContext context)
    {
        Record(context, "cdn");
        var path = context.Request.Path.Value ?? "";
        var sha = path.StartsWith("/blobs/", StringComparison.Ordinal) ? path["/blobs/".Length..] : "";
        var file = repos.Values.SelectMany(repo => repo.Files).FirstOrDefault(file => file.Lfs && file.Sha256 == sha);
        if (file is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        await ServeBodyAsync(context, file);
    }

    /// <summary>Sends <paramref name="file"/>, or the range asked for, breaking off or holding as configured.</summary>
    private async Task ServeBodyAsync(HttpContext context, FakeFile file)
    {
        var content = file.Served;
        var start = 0;
        var range = context.Request.Headers.Range.ToString();
        if (range.Length > 0 && !IgnoreRange)
        {
            Assert.StartsWith("bytes=", range, StringComparison.Ordinal);
            Assert.EndsWith("-", range, StringComparison.Ordinal);
            start = int.Parse(range["bytes=".Length..^1], CultureInfo.InvariantCulture);
            if (start >= content.Length)
            {
                context.Response.StatusCode = 416;
                context.Response.Headers.ContentRange = $"bytes */{content.Length}";
                return;
            }

            context.Response.StatusCode = 206;
            context.Response.Headers.ContentRange = $"bytes {start}-{content.Length - 1}/{content.Length}";
        }

        context.Response.Headers.AcceptRanges = "bytes";
        context.Response.ContentLength = content.Length - start;
        var body = content.AsMemory(start);
        if (file.HoldAfter is { } hold)
        {
            file.HoldAfter = null;
            await context.Response.Body.WriteAsync(body[..Math.Min(hold, body.Length)]);
            await context.Response.Body.FlushAsync();
            HoldReached.TrySetResult();
            await Task.WhenAny(Release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
            context.Abort();
            return;
        }

        if (file.Cuts.TryDequeue(out var cut))
        {
            await context.Response.Body.WriteAsync(body[..Math.Min(cut, body.Length)]);
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(body);
    }

    private bool TryRepo(HttpContext context, string id, out FakeRepo repo)
    {
        if (!repos.TryGetValue(id, out repo!))
        {
            Error(context, 404, "RepoNotFound");
            return false;
        }

        if (repo.Token is null)
            return true;
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {repo.Token}")
        {
            Error(context, 401, null, "Invalid credentials in Authorization header");
            return false;
        }

        if (repo.Gated)
        {
            Error(context, 403, "GatedRepo", "Access to this model is restricted and you are not in the authorized list.");
            return false;
        }

        return true;
    }

    private static bool IsRevision(FakeRepo repo, string revision) => revision == "main" || revision == repo.Commit;

    private static void Error(HttpContext context, int status, string? code, string? message = null)
    {
        context.Response.StatusCode = status;
        if (code is not null)
            context.Response.Headers["X-Error-Code"] = code;
        if (message is not null)
            context.Response.Headers["X-Error-Message"] = message;
    }
}

/// <summary>A request one of the fake servers received.</summary>
/// <param name="Server"><c>hub</c> or <c>cdn</c>.</param>
internal sealed record FakeRequest(string Server, string Path, string Query, string? Authorization, string? Range, string AcceptEncoding);
