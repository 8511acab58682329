using System.Globalization;

namespace Livepeer.Pipelines;

/// <summary>Parses and checks tensor shapes written as <c>1,3,64,64</c>.</summary>
internal static class TensorShape
{
    /// <summary>Largest tensor a job may send (elements), so a forged shape cannot allocate gigabytes.</summary>
    public const long MaxElements = 64L * 1024 * 1024;

    public static long[] Parse(string text, string parameter)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var shape = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out shape[i]) || shape[i] <= 0)
                throw new InvalidPipelineInputException($"'{parameter}' must be positive integers separated by commas, not '{text}'.");
        }

        return shape;
    }

    /// <summary>Checks <paramref name="shape"/> against a model input's dimensions (negative = symbolic) and returns its element count.</summary>
    public static long Check(long[] shape, int[] modelDims, string inputName)
    {
        if (shape.Length != modelDims.Length)
            throw new InvalidPipelineInputException($"Input '{inputName}' has rank {modelDims.Length}; shape [{Format(shape)}] has rank {shape.Length}.");
        long count = 1;
        for (var i = 0; i < shape.Length; i++)
        {
            if (modelDims[i] > 0 && modelDims[i] != shape[i])
                throw new InvalidPipelineInputException($"Input '{inputName}' needs dimension {i} = {modelDims[i]}, not {shape[i]}.");

            // Checked before multiplying: a forged shape must not wrap around to a small element count.
            if (shape[i] > MaxElements / count)
                throw new InvalidPipelineInputException($"Input shape [{Format(shape)}] exceeds {MaxElements} elements.");
            count *= shape[i];
        }

        return count;
    }

    /// <summary>A concrete shape for a model input, symbolic dimensions replaced by <paramref name="symbolicSize"/>.</summary>
    public static long[] Concrete(int[] modelDims, int symbolicSize) =>
        Array.ConvertAll(modelDims, d => d > 0 ? (long)d : symbolicSize);

    public static string Format(ReadOnlySpan<long> shape)
    {
        var parts = new string[shape.Length];
        for (var i = 0; i < shape.Length; i++) parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        return string.Join(',', parts);
    }
}
