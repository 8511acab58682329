using System.Text;

namespace Livepeer.Client;

/// <summary>Decodes <c>data:</c> URLs, which runners return instead of file URLs (livepeer-ai-api.md §4.1).</summary>
internal static class DataUrl
{
    private const string Scheme = "data:";

    public static bool IsDataUrl(string url) => url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <exception cref="FormatException">The URL is malformed.</exception>
    public static LivepeerDownload Decode(string url)
    {
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0) throw new FormatException("A data URL needs a comma before its data.");
        var header = url[Scheme.Length..comma].Split(';');
        var isBase64 = header.Length > 1 && header[^1].Equals("base64", StringComparison.OrdinalIgnoreCase);
        var mediaType = header[0].Length > 0 ? header[0] : "text/plain";
        var data = url[(comma + 1)..];
        var bytes = isBase64 ? Convert.FromBase64String(Uri.UnescapeDataString(data)) : Encoding.UTF8.GetBytes(Uri.UnescapeDataString(data));
        return new LivepeerDownload(bytes, mediaType);
    }
}
