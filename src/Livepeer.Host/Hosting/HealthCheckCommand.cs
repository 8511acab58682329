namespace Livepeer.Host.Hosting;

/// <summary>
/// <c>Livepeer.Host healthcheck [url]</c>: asks a running host's <c>/healthz</c> and exits 0 when it answers 200, else 1.
/// The container images' HEALTHCHECK runs it, so they need no curl.
/// </summary>
public static class HealthCheckCommand
{
    /// <summary>The URL asked when none is given: the port the images expose.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8935/healthz";

    /// <summary>True when <paramref name="args"/> ask for the health check rather than a host.</summary>
    public static bool IsRequested(string[] args) => args is ["healthcheck", ..];

    /// <summary>Runs the check; writes one line saying what happened.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var url = args.Length > 1 ? args[1] : DefaultUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            await Console.Error.WriteLineAsync($"healthcheck: '{url}' is not an absolute URL.");
            return 2;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(uri);
            Console.WriteLine($"healthcheck: {uri} answered {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {uri} did not answer: {e.Message}");
            return 1;
        }
    }
}
