using System.Globalization;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// A job's parameters read as the Livepeer runner reads its form fields: a value the request leaves out (or sends empty)
/// falls back to the model's manifest default, then to the pipeline's; a value that does not parse is the caller's error,
/// named in the message.
/// </summary>
internal readonly struct RequestParameters(IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> modelDefaults)
{
    public string? Get(string key) =>
        parameters.TryGetValue(key, out var value) && value.Length > 0 ? value
        : modelDefaults.TryGetValue(key, out var fallback) ? fallback
        : null;

    public int Int(string key, int fallback) => ParseInt(Get(key), key, fallback);

    public double Double(string key, double fallback)
    {
        var text = Get(key);
        return text is null ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
            : throw new InvalidPipelineInputException($"`{key}` must be a number, not '{text}'.");
    }

    /// <summary><c>num_inference_steps</c>: values ≤ 0 fall back to the model's default, as the runner drops them.</summary>
    public int Steps(int fallback)
    {
        var steps = Int("num_inference_steps", fallback);
        if (steps <= 0)
            steps = ParseInt(modelDefaults.GetValueOrDefault("num_inference_steps"), "num_inference_steps", fallback);
        return steps;
    }

    /// <summary>The seed, 0 when absent. Negative seeds are taken as their two's-complement bits, as torch generators take any 64-bit value.</summary>
    public ulong Seed()
    {
        var text = Get("seed");
        if (text is null) return 0;
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)) return seed;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed)
            ? unchecked((ulong)signed)
            : throw new InvalidPipelineInputException($"`seed` must be an integer, not '{text}'.");
    }

    /// <summary><c>safety_check</c>: on unless it is a clear "false".</summary>
    public bool SafetyCheck() => Get("safety_check") is not { } text || !bool.TryParse(text, out var check) || check;

    private static int ParseInt(string? text, string key, int fallback) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw new InvalidPipelineInputException($"`{key}` must be an integer, not '{text}'.");
}
