namespace Livepeer.Client;

/// <summary>The validated, frozen form of <see cref="LivepeerClientOptions"/>: later changes to the options do not reach a client.</summary>
internal sealed class ClientSettings
{
    private const string BearerScheme = "Bearer ";

    private readonly string endpointBase;

    private ClientSettings(Uri baseAddress, string pathPrefix, string? authorization, TimeSpan timeout, TimeProvider clock)
    {
        BaseAddress = baseAddress;
        endpointBase = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathPrefix;
        Authorization = authorization;
        Timeout = timeout;
        Clock = clock;
    }

    public Uri BaseAddress { get; }

    /// <summary>The whole <c>Authorization</c> value, or null when no token is configured.</summary>
    public string? Authorization { get; }

    public TimeSpan Timeout { get; }

    public TimeProvider Clock { get; }

    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static ClientSettings From(LivepeerClientOptions options, Uri? fallbackBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseAddress = options.BaseAddress ?? fallbackBaseAddress
            ?? throw new ArgumentException("Set BaseAddress on the options (or on the HttpClient).", nameof(options));
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"BaseAddress must be an absolute http or https address, not '{baseAddress}'.", nameof(options));
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            throw new ArgumentException($"Timeout must be positive or infinite, not {options.Timeout}.", nameof(options));
        if (options.TimeProvider is null) throw new ArgumentException("TimeProvider must not be null.", nameof(options));
        var prefix = (options.PathPrefix ?? "").Trim().Trim('/');
        if (prefix.IndexOfAny(['?', '#']) >= 0) throw new ArgumentException($"PathPrefix must be a path, not '{options.PathPrefix}'.", nameof(options));
        prefix = prefix.Length == 0 ? "" : "/" + prefix;
        return new ClientSettings(baseAddress, prefix, AuthorizationOf(options.BearerToken), options.Timeout, options.TimeProvider);
    }

    /// <summary>The address of a pipeline path such as <c>/text-to-image</c>, under the base address and the prefix.</summary>
    public Uri Endpoint(string path) => new(endpointBase + path);

    /// <summary>An absolute URL as is; a relative one (<c>/stream/…</c>) against the base address.</summary>
    /// <exception cref="ArgumentException">The URL is not http(s) after resolving.</exception>
    public Uri Resolve(string url)
    {
        // On Unix "/stream/x" (and "//host/x") parse as absolute file: URIs, so a leading slash always means "relative to the gateway".
        var resolved = !url.StartsWith('/') && Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute : new Uri(BaseAddress, url);
        if (resolved.Scheme != Uri.UriSchemeHttp && resolved.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException($"Only http, https and data URLs can be downloaded, not '{url}'.", nameof(url));
        return resolved;
    }

    /// <summary>Whether <paramref name="url"/> is on the gateway itself, so that the token may be sent with it.</summary>
    public bool IsSameOrigin(Uri url) =>
        Uri.Compare(url, BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string? AuthorizationOf(string? token)
    {
        var trimmed = token?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        return trimmed.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase) ? trimmed : BearerScheme + trimmed;
    }
}
