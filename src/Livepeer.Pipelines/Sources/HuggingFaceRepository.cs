namespace Livepeer.Pipelines.Sources;

/// <summary>A Hugging Face model repository to install from, and how to reach it.</summary>
public sealed class HuggingFaceRepository
{
    /// <summary>The public Hub.</summary>
    public const string DefaultEndpoint = "https://huggingface.co";

    /// <summary>Repository id, <c>owner/name</c> (required).</summary>
    public required string Repo { get; init; }

    /// <summary>Branch, tag or commit to fetch; default <c>main</c>.</summary>
    public string Revision { get; init; } = "main";

    /// <summary>
    /// Which files to fetch; default none listed, meaning every file. Patterns are <c>/</c>-separated paths where
    /// <c>*</c> and <c>?</c> stay within one folder name, <c>**</c> crosses folders (<c>**/</c> also matches none) and a
    /// trailing <c>/</c> takes a whole folder, e.g. <c>**/*.onnx</c>. <c>manifest.json</c> is fetched whenever the
    /// repository has one. A pattern that matches nothing is an error.
    /// </summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Access token for private and gated repositories; default none. Sent only to <see cref="Endpoint"/>, never to the hosts it redirects downloads to.</summary>
    public string? Token { get; init; }

    /// <summary>The Hub's base address; default <see cref="DefaultEndpoint"/>.</summary>
    public Uri Endpoint { get; init; } = new(DefaultEndpoint);

    /// <summary>How long a download may receive nothing before it counts as interrupted and is resumed; default 60 seconds.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Checks every setting; throws <see cref="ArgumentException"/> naming the wrong one.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Repo, nameof(Repo));
        var parts = Repo.Split('/');
        if (parts.Length is < 1 or > 2 || parts.Any(part => part.Length == 0 || !part.All(IsRepoNameChar) || part is "." or ".."))
            throw new ArgumentException($"Repository id '{Repo}' must be 'owner/name' of letters, digits, '-', '_' and '.'.", nameof(Repo));
        ArgumentException.ThrowIfNullOrWhiteSpace(Revision, nameof(Revision));
        ArgumentNullException.ThrowIfNull(Include, nameof(Include));
        foreach (var pattern in Include)
        {
            if (FileGlob.Problem(pattern) is { } problem)
                throw new ArgumentException($"Include: {problem}.", nameof(Include));
        }

        ArgumentNullException.ThrowIfNull(Endpoint, nameof(Endpoint));
        if (!Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(Endpoint.Query))
            throw new ArgumentException($"Endpoint '{Endpoint}' must be an absolute http(s) address without a query.", nameof(Endpoint));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StallTimeout, TimeSpan.Zero, nameof(StallTimeout));
    }

    private static bool IsRepoNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
