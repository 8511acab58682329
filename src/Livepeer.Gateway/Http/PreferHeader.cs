using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Http;

/// <summary>The <c>Prefer</c> request header (RFC 7240), as far as the API reads it.</summary>
internal static class PreferHeader
{
    /// <summary>The preference that asks for go-livepeer's asynchronous mode.</summary>
    public const string RespondAsync = "respond-async";

    /// <summary>Whether the request prefers <c>respond-async</c>, alone (go-livepeer's form) or among other preferences.</summary>
    public static bool PrefersRespondAsync(HttpRequest request)
    {
        foreach (var header in request.Headers["Prefer"])
        {
            foreach (var preference in (header ?? "").Split(',', StringSplitOptions.TrimEntries))
            {
                // A preference may carry a value or parameters ("wait=10", "handling=lenient; x=y"); respond-async has neither.
                var token = preference.AsSpan();
                var end = token.IndexOfAny(';', '=');
                if ((end < 0 ? token : token[..end]).Trim().Equals(RespondAsync, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }

        return false;
    }
}
