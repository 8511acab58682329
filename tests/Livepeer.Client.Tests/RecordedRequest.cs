using System.Text;

namespace Livepeer.Client.Tests;

/// <summary>One request as it left the client: everything a wire assertion needs, copied before the client disposes it.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> ContentHeaders,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? ContentHeader(string name) => ContentHeaders.TryGetValue(name, out var value) ? value : null;
}
