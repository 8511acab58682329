using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Livepeer.Pipelines.Sources;

/// <summary>
/// The Hub's HTTP API for one repository: which commit a revision names, the files at a commit, and a file's content.
/// Redirects are followed here, not by the handler, so the token goes to the Hub's own origin and nowhere else.
/// </summary>
internal sealed class HubClient
{
    private const int MaxRedirects = 5;
    private const int MaxPages = 1000;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly HttpClient http;
    private readonly HuggingFaceRepository repository;
    private readonly Uri endpoint;
    private readonly string repoPath;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public HubClient(HttpClient http, HuggingFaceRepository repository, TimeProvider time, ILogger logger)
    {
        this.http = http;
        this.repository = repository;
        this.time = time;
        this.logger = logger;
        var baseText = repository.Endpoint.GetLeftPart(UriPartial.Path);
        endpoint = new Uri(baseText.EndsWith('/') ? baseText : baseText + "/");
        repoPath = string.Join('/', repository.Repo.Split('/').Select(Uri.EscapeDataString));
        Description = $"Hugging Face repository '{repository.Repo}' at revision '{repository.Revision}'";
    }

    /// <summary>The repository and revision in words, the start of every error message.</summary>
    public string Description { get; }

    /// <summary>The commit the revision names now.</summary>
    public async Task<string> ResolveCommitAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(endpoint, $"api/models/{repoPath}/revision/{Uri.EscapeDataString(repository.Revision)}");
        var (info, _) = await GetJsonAsync<RevisionInfo>(url, cancellationToken);
        if (!FileDigest.IsHex(info?.Sha, 40))
            throw new ModelSourceException($"{Description}: the Hub named no commit for the revision.");
        return info!.Sha!.ToLowerInvariant();
    }

    /// <summary>Every file of the repository at <paramref name="commit"/>, following the listing's pages.</summary>
    public async Task<IReadOnlyList<HubFile>> ListFilesAsync(string commit, CancellationToken cancellationToken)
    {
        var files = new List<HubFile>();
        Uri? url = new Uri(endpoint, $"api/models/{repoPath}/tree/{commit}?recursive=true");
        for (var page = 0; url is not null; page++)
        {
            if (page == MaxPages)
                throw new ModelSourceException($"{Description}: the file listing at commit {commit} did not end after {MaxPages} pages.");
            var (entries, next) = await GetJsonAsync<List<TreeEntry>>(url, cancellationToken);
            foreach (var entry in entries ?? [])
            {
                if (entry.Type == "file")
                    files.Add(ToHubFile(entry, commit));
            }

            url = next;
        }

        return files;
    }

    /// <summary>
    /// Asks for <paramref name="file"/>'s content from byte <paramref name="offset"/> on. The answer is 200 (whole
    /// file), 206 (the range) or 416 (range refused); anything else throws a <see cref="ModelSourceException"/>, and a
    /// server that cannot be reached an <see cref="HttpRequestException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> OpenAsync(HubFile file, string commit, long offset, CancellationToken cancellationToken)
    {
        var path = string.Join('/', file.Path.Split('/').Select(Uri.EscapeDataString));
        var url = new Uri(endpoint, $"{repoPath}/resolve/{commit}/{path}");
        var response = await SendAsync(url, offset > 0 ? offset : null, cancellationToken);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            return response;
        using (response)
            throw Failure(response, file.Path);
    }

    private async Task<(T? Value, Uri? Next)> GetJsonAsync<T>(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(repository.StallTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await SendAsync(url, null, linked.Token);
            if (!response.IsSuccessStatusCode)
                throw Failure(response, null);
            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            var value = await JsonSerializer.DeserializeAsync<T>(body, JsonOptions, linked.Token);
            return (value, NextPage(response, url));
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ModelSourceException($"{Description}: the Hub did not answer within {repository.StallTimeout.TotalSeconds:0} s ({url.AbsolutePath}).", e);
        }
        catch (JsonException e)
        {
            throw new ModelSourceException($"{Description}: the Hub's answer to {url.AbsolutePath} is not the JSON expected: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new ModelSourceException($"{Description}: could not reach {url.GetLeftPart(UriPartial.Authority)}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Sends a GET, following redirects by hand; the token goes only to the Hub's origin, a range to every hop.
    /// A server that cannot be reached throws <see cref="HttpRequestException"/>.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(Uri url, long? rangeFrom, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (repository.Token is { Length: > 0 } token && IsHubOrigin(url))
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (rangeFrom is { } from)
                request.Headers.Range = new RangeHeaderValue(from, null);
            // Without it a server may compress, and then neither sizes nor ranges are of the file's bytes.
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));

            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!IsRedirect(response.StatusCode))
                return response;
            using (response)
            {
                var location = response.Headers.Location;
                if (location is null || redirects == MaxRedirects)
                    throw new ModelSourceException($"{Description}: {url.GetLeftPart(UriPartial.Authority)} redirected {url.AbsolutePath} without a usable location or too many times.");
                var next = new Uri(url, location);
                if (next.Scheme is not ("https" or "http") || (url.Scheme == "https" && next.Scheme != "https"))
                    throw new ModelSourceException($"{Description}: {url.AbsolutePath} was redirected to an insecure or unknown address ({next.Scheme}://{next.Authority}).");
                HuggingFaceSource.Log.Redirected(logger, url.AbsolutePath, next.GetLeftPart(UriPartial.Authority));
                url = next;
            }
        }
    }

    private bool IsHubOrigin(Uri url) =>
        Uri.Compare(url, endpoint, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>The next page of a listing, from a <c>Link: &lt;url&gt;; rel="next"</c> header.</summary>
    private static Uri? NextPage(HttpResponseMessage response, Uri current)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
            return null;
        foreach (var link in values.SelectMany(value => value.Split(',')))
        {
            var open = link.IndexOf('<', StringComparison.Ordinal);
            var close = link.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close < open)
                continue;
            var parameters = link[(close + 1)..].Replace(" ", "", StringComparison.Ordinal);
            if (parameters.Contains("rel=\"next\"", StringComparison.OrdinalIgnoreCase) || parameters.Contains("rel=next", StringComparison.OrdinalIgnoreCase))
                return new Uri(current, link[(open + 1)..close]);
        }

        return null;
    }

    private HubFile ToHubFile(TreeEntry entry, string commit)
    {
        var path = entry.Path ?? "";
        if (!ModelFolder.IsSafeRelative(path))
            throw new ModelSourceException($"{Description}: the listing at commit {commit} names an unsafe path '{path}'.");
        var sha256 = entry.Lfs?.Oid;
        if (sha256 is not null && sha256.StartsWith("sha256:", StringComparison.Ordinal))
            sha256 = sha256["sha256:".Length..];
        var size = entry.Lfs is null ? entry.Size : entry.Lfs.Size;
        var oid = entry.Oid ?? "";
        if (size < 0 || !FileDigest.IsHex(oid, 40) || (sha256 is not null && !FileDigest.IsHex(sha256, 64)))
            throw new ModelSourceException($"{Description}: the listing at commit {commit} describes '{path}' without a valid size and hash.");
        return new HubFile(path, size, oid.ToLowerInvariant(), sha256?.ToLowerInvariant());
    }

    private ModelSourceException Failure(HttpResponseMessage response, string? file)
    {
        var code = Header(response, "X-Error-Code");
        var detail = Header(response, "X-Error-Message") is { } message ? $" The Hub said: {message}" : "";
        var subject = file is null ? Description : $"{Description}, file '{file}'";
        var status = (int)response.StatusCode;
        var host = response.RequestMessage?.RequestUri is { } uri && !IsHubOrigin(uri) ? $" (download server {uri.Authority})" : "";
        var hasToken = !string.IsNullOrEmpty(repository.Token);
        var text = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized when !hasToken =>
                $"{subject}: the Hub refused access without a token (401). The repository is private or gated, or does not exist; give a token that can read it.",
            HttpStatusCode.Unauthorized =>
                $"{subject}: the Hub refused the token (401). Check that the token is valid and can read the repository, and that the repository exists.",
            HttpStatusCode.Forbidden when code == "GatedRepo" =>
                $"{subject}: the repository is gated and this token's account has not been granted access (403). Accept its conditions on the Hub first.",
            HttpStatusCode.Forbidden =>
                $"{subject}: access forbidden (403){host}.",
            HttpStatusCode.NotFound when code == "RevisionNotFound" =>
                $"{Description}: the revision does not exist (404).",
            HttpStatusCode.NotFound when file is not null && code != "RepoNotFound" =>
                $"{subject}: the file does not exist at that commit (404){host}.",
            HttpStatusCode.NotFound =>
                $"{Description}: the repository does not exist (404).",
            _ => $"{subject}: unexpected answer {status} {response.ReasonPhrase}{host}.",
        };
        return new ModelSourceException(text + detail);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record RevisionInfo(string? Sha);

    private sealed record TreeEntry(string? Type, string? Path, long Size, string? Oid, LfsInfo? Lfs);

    private sealed record LfsInfo(string? Oid, long Size);
}
