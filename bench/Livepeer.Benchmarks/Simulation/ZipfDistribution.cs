namespace Livepeer.Benchmarks.Simulation;

/// <summary>Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^s, by inverting the cumulative distribution.</summary>
internal sealed class ZipfDistribution
{
    private readonly double[] cumulative;

    public ZipfDistribution(int count, double exponent)
    {
        cumulative = new double[count];
        var total = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            total += 1 / Math.Pow(rank + 1, exponent);
            cumulative[rank] = total;
        }

        for (var rank = 0; rank < count; rank++) cumulative[rank] /= total;
    }

    public int Count => cumulative.Length;

    /// <summary>Probability of the <paramref name="top"/> most popular ranks together: the hit rate of an ideal static cache that size.</summary>
    public double MassOfTop(int top) => top <= 0 ? 0 : cumulative[Math.Min(top, Count) - 1];

    public int Sample(Random random)
    {
        var at = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(at >= 0 ? at : ~at, Count - 1);
    }
}
