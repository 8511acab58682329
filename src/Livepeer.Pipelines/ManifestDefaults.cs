using System.Globalization;

namespace Livepeer.Pipelines;

/// <summary>
/// Reads a manifest's <c>defaults</c> (strings) as typed settings; a malformed or out-of-range value fails the load
/// with an error naming the model and the key.
/// </summary>
internal readonly struct ManifestDefaults(ModelManifest manifest)
{
    public string String(string key, string fallback) => manifest.Defaults.TryGetValue(key, out var text) ? text : fallback;

    public int Int(string key, int fallback, int min, int max)
    {
        if (!manifest.Defaults.TryGetValue(key, out var text))
            return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw Invalid(key, text, $"an integer from {min} to {max}");
        return value;
    }

    public double Double(string key, double fallback)
    {
        if (!manifest.Defaults.TryGetValue(key, out var text))
            return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            throw Invalid(key, text, "a non-negative number");
        return value;
    }

    public bool Bool(string key, bool fallback)
    {
        if (!manifest.Defaults.TryGetValue(key, out var text))
            return fallback;
        return bool.TryParse(text, out var value) ? value : throw Invalid(key, text, "true or false");
    }

    public T Enum<T>(string key, T fallback, params (string Name, T Value)[] names)
    {
        if (!manifest.Defaults.TryGetValue(key, out var text))
            return fallback;
        foreach (var (name, value) in names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                return value;
        }

        throw Invalid(key, text, $"one of {string.Join(", ", names.Select(n => n.Name))}");
    }

    private InvalidModelException Invalid(string key, string text, string expected) =>
        new($"Model '{manifest.Id}': defaults.{key} must be {expected}, not '{text}'.");
}
