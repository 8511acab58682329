namespace Livepeer.ModelBuilder.Tfjs;

/// <summary>
/// Tracks which layer outputs are still needed while a graph runs layer by layer, to find the most activation values
/// alive at once: each output is allocated when its layer runs and freed after its last reader.
/// </summary>
internal sealed class ActivationLiveness
{
    private readonly List<(string Output, double Size, string[] Inputs)> steps = [];

    /// <summary>The peak, in values per input pixel; recomputed from all steps on each read.</summary>
    public double Peak
    {
        get
        {
            var lastUse = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < steps.Count; i++)
            {
                foreach (var input in steps[i].Inputs)
                    lastUse[input] = i;
            }

            // The final output stays alive to the end, so it is never freed.
            var live = new Dictionary<string, double>(StringComparer.Ordinal);
            double total = 0, peak = 0;
            for (var i = 0; i < steps.Count; i++)
            {
                var (output, size, inputs) = steps[i];
                if (live.TryAdd(output, size))
                    total += size;
                peak = Math.Max(peak, total);
                foreach (var input in inputs.Distinct(StringComparer.Ordinal))
                {
                    if (lastUse[input] == i && input != output && live.Remove(input, out var freed))
                        total -= freed;
                }
            }

            return peak;
        }
    }

    /// <summary>Records one layer: the value it writes (an alias of an input for identity layers), its size and what it reads.</summary>
    public void Step(string output, double valuesPerPixel, IEnumerable<string> inputs) =>
        steps.Add((output, valuesPerPixel, inputs.ToArray()));
}
