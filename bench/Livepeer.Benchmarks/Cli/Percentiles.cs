namespace Livepeer.Benchmarks.Cli;

/// <summary>Exact percentiles of a full sample (nearest rank on the sorted values, no interpolation or buckets).</summary>
internal sealed class Percentiles
{
    private readonly double[] sorted;

    public Percentiles(IEnumerable<double> values)
    {
        sorted = [.. values];
        Array.Sort(sorted);
    }

    public int Count => sorted.Length;

    public double Max => sorted.Length == 0 ? double.NaN : sorted[^1];

    public double Mean => sorted.Length == 0 ? double.NaN : sorted.Average();

    /// <summary>The smallest value with at least <paramref name="percent"/>% of the sample at or below it.</summary>
    public double At(double percent)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
