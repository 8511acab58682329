using System.Collections.Frozen;

namespace Livepeer.Pipelines;

/// <summary>
/// The ONNX Runtime CUDA provider options a configuration may set, checked at start-up: an unknown key would only
/// surface when the first model loads, as a silent fall-back to the CPU.
/// </summary>
public static class CudaProviderOptions
{
    private static readonly FrozenSet<string> Flags = new[]
    {
        "prefer_nhwc", "use_tf32", "enable_cuda_graph", "do_copy_in_default_stream", "cudnn_conv_use_max_workspace",
        "cudnn_conv1d_pad_to_nc1d", "enable_skip_layer_norm_strict_mode", "use_ep_level_unified_stream", "fuse_conv_bias",
        "tunable_op_enable", "tunable_op_tuning_enable",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Numbers = new[]
    {
        "gpu_mem_limit", "tunable_op_max_tuning_duration_ms", "sdpa_kernel",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Problems with <paramref name="options"/>, one line each naming the key; empty when all are valid.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var (key, value) in options)
        {
            var problem = key switch
            {
                "device_id" => "is set by the device's Index",
                "cudnn_conv_algo_search" when value is not ("EXHAUSTIVE" or "HEURISTIC" or "DEFAULT") => $"must be EXHAUSTIVE, HEURISTIC or DEFAULT, got '{value}'",
                "arena_extend_strategy" when value is not ("kNextPowerOfTwo" or "kSameAsRequested") => $"must be kNextPowerOfTwo or kSameAsRequested, got '{value}'",
                "cudnn_conv_algo_search" or "arena_extend_strategy" => null,
                _ when Flags.Contains(key) => value is "0" or "1" ? null : $"must be 0 or 1, got '{value}'",
                _ when Numbers.Contains(key) => ulong.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) ? null : $"must be a whole number, got '{value}'",
                _ => "is not an ONNX Runtime CUDA provider option",
            };
            if (problem is not null)
                problems.Add($"{key} {problem}.");
        }

        return problems;
    }
}
