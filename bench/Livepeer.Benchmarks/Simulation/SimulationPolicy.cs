using Livepeer.Grains.Placement;
using Livepeer.Grains.Residency;

namespace Livepeer.Benchmarks.Simulation;

/// <summary>A way to choose the worker silo for a job, given every silo's current residency.</summary>
internal abstract class SimulationPolicy(string name)
{
    public string Name { get; } = name;

    public abstract int Choose(string modelId, IReadOnlyList<SiloResidency> silos);

    public static IReadOnlyList<string> Names { get; } = ["warm-model", "random", "least-loaded"];

    public static SimulationPolicy Create(string name, int seed, TimeProvider time) => name switch
    {
        "warm-model" => new WarmModel(seed, time),
        "random" => new Uniform(seed),
        "least-loaded" => new LeastLoaded(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown policy"),
    };

    /// <summary>The production rules (<see cref="PlacementPolicy.ChooseSilo"/>), observing demand first as the director does.</summary>
    private sealed class WarmModel(int seed, TimeProvider time) : SimulationPolicy("warm-model")
    {
        private readonly ModelPopularity popularity = new(time, ModelPopularity.DefaultHalfLife);
        private readonly Random random = new(seed);

        public override int Choose(string modelId, IReadOnlyList<SiloResidency> silos)
        {
            popularity.Observe(modelId);
            var chosen = PlacementPolicy.ChooseSilo(modelId, silos, popularity, random, static (_, _) => 0);
            return IndexOf(silos, chosen);
        }
    }

    /// <summary>Uniformly random silo.</summary>
    private sealed class Uniform(int seed) : SimulationPolicy("random")
    {
        private readonly Random random = new(seed);

        public override int Choose(string modelId, IReadOnlyList<SiloResidency> silos) => random.Next(silos.Count);
    }

    /// <summary>
    /// Ignores residency: the silo with the most free slots, then the most free memory on one device, ties uniformly
    /// at random. With one job at a time every slot is free, so once memory is full this is random among full silos.
    /// </summary>
    private sealed class LeastLoaded(int seed) : SimulationPolicy("least-loaded")
    {
        private readonly Random random = new(seed);

        public override int Choose(string modelId, IReadOnlyList<SiloResidency> silos)
        {
            var best = new List<int>();
            for (var i = 0; i < silos.Count; i++)
            {
                var order = best.Count == 0 ? 1 : Compare(silos[i], silos[best[0]]);
                if (order > 0) best.Clear();
                if (order >= 0) best.Add(i);
            }

            return best[random.Next(best.Count)];
        }

        private static int Compare(SiloResidency a, SiloResidency b)
        {
            var bySlots = a.FreeSlots.CompareTo(b.FreeSlots);
            return bySlots != 0 ? bySlots : a.MaxFreeMemoryBytes.CompareTo(b.MaxFreeMemoryBytes);
        }
    }

    private static int IndexOf(IReadOnlyList<SiloResidency> silos, SiloResidency chosen)
    {
        for (var i = 0; i < silos.Count; i++)
        {
            if (ReferenceEquals(silos[i], chosen)) return i;
        }

        throw new InvalidOperationException("The policy chose a silo it was not offered.");
    }
}
