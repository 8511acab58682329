namespace Livepeer.Pipelines.Sources;

/// <summary>
/// Path patterns for choosing files: <c>*</c> is any run of characters within one folder name, <c>?</c> one such
/// character, <c>**</c> any run across folders (<c>**/</c> also matches no folder at all), and a trailing <c>/</c>
/// means everything under that folder. Anything else is literal and case-sensitive.
/// </summary>
internal static class FileGlob
{
    /// <summary>Whether <paramref name="path"/> (<c>/</c>-separated) matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(string pattern, string path)
    {
        if (pattern.EndsWith('/'))
            pattern += "**";
        return Match(pattern, path);
    }

    /// <summary>Checks a pattern's form; returns why it is wrong, or null.</summary>
    public static string? Problem(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
            return "a file pattern is empty";
        if (pattern.StartsWith('/') || pattern.Contains('\\', StringComparison.Ordinal))
            return $"file pattern '{pattern}' must be relative with '/' separators";
        if (pattern.Split('/').Any(part => part is "." or ".."))
            return $"file pattern '{pattern}' must not contain '.' or '..' folders";
        return null;
    }

    /// <summary>
    /// The paths matching any of <paramref name="patterns"/>, in ordinal order. <paramref name="unmatched"/> is the
    /// first pattern that matches nothing (a typo the caller should hear about), or null.
    /// </summary>
    public static IReadOnlyList<string> Select(IEnumerable<string> paths, IReadOnlyList<string> patterns, out string? unmatched)
    {
        var all = paths.ToList();
        var chosen = new SortedSet<string>(StringComparer.Ordinal);
        unmatched = null;
        foreach (var pattern in patterns)
        {
            var hits = all.Where(path => IsMatch(pattern, path)).ToList();
            if (hits.Count == 0)
                unmatched ??= pattern;
            chosen.UnionWith(hits);
        }

        return [.. chosen];
    }

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> path)
    {
        while (!pattern.IsEmpty)
        {
            if (pattern.StartsWith("**/"))
            {
                var rest = pattern[3..];
                if (Match(rest, path)) return true;
                for (var i = 0; i < path.Length; i++)
                {
                    if (path[i] == '/' && Match(rest, path[(i + 1)..])) return true;
                }

                return false;
            }

            if (pattern.StartsWith("**"))
            {
                for (var i = 0; i <= path.Length; i++)
                {
                    if (Match(pattern[2..], path[i..])) return true;
                }

                return false;
            }

            switch (pattern[0])
            {
                case '*':
                    for (var i = 0; i <= path.Length; i++)
                    {
                        if (Match(pattern[1..], path[i..])) return true;
                        if (i < path.Length && path[i] == '/') break;
                    }

                    return false;
                case '?':
                    if (path.IsEmpty || path[0] == '/') return false;
                    break;
                default:
                    if (path.IsEmpty || path[0] != pattern[0]) return false;
                    break;
            }

            pattern = pattern[1..];
            path = path[1..];
        }

        return path.IsEmpty;
    }
}
