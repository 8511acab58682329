namespace Livepeer.Client;

/// <summary>Where the gateway is and how to call it.</summary>
public sealed class LivepeerClientOptions
{
    /// <summary>The gateway's absolute address, e.g. <c>http://127.0.0.1:9935</c>; when null, the <see cref="HttpClient.BaseAddress"/> of the given client.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Token sent as <c>Authorization: Bearer &lt;token&gt;</c>; nothing is sent when null or empty. A value that already starts with <c>Bearer </c> is sent as is.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Path put before every pipeline path, e.g. <c>/api/beta/generate</c> (Livepeer Studio); empty by default.</summary>
    public string PathPrefix { get; set; } = "";

    /// <summary>How long one call (request and response body, or a whole LLM stream) may take. Default 10 minutes, the Studio gateway's limit; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Clock for <see cref="Timeout"/> and for <c>Retry-After</c> dates. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
