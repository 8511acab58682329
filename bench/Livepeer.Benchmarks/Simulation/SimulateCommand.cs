using System.Globalization;
using Livepeer.Benchmarks.Cli;

namespace Livepeer.Benchmarks.Simulation;

/// <summary>
/// <c>simulate</c>: warm-hit rate and model loads per placement policy. The <c>placement policy=</c> lines are the
/// primary seed; <c>placement-mean</c> lines average over <c>--seeds</c>.
/// </summary>
internal static class SimulateCommand
{
    public static int Run(string[] args)
    {
        var options = new CommandArguments(args);
        var settings = new SimulationSettings(Jobs: options.Int("--jobs", 20_000));
        var primarySeed = options.Int("--seed", 1);
        var seeds = options.Ints("--seeds", [1, 2, 3]);
        var policies = options.Words("--policies", SimulationPolicy.Names);
        options.EnsureAllRead();

        MachineFacts.Print();
        var zipf = new ZipfDistribution(settings.Models, settings.ZipfExponent);
        var cacheSlots = settings.Workers * settings.ModelsPerDevice;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, 
            $"simulation models={settings.Models} zipf_s={settings.ZipfExponent} workers={settings.Workers} models_per_device={settings.ModelsPerDevice} " +
            $"jobs={settings.Jobs} ideal_static_hit_pct={100 * zipf.MassOfTop(cacheSlots):F2} (top {cacheSlots} models resident, one copy each)"));

        foreach (var policy in policies)
        {
            var result = WarmHitSimulation.Run(settings, policy, primarySeed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"placement policy={policy} warm_hit_pct={result.WarmHitPercent:F2} loads={result.Loads}"));
        }

        var means = new Dictionary<string, (double HitPercent, double Loads)>();
        foreach (var policy in policies)
        {
            var results = seeds.Select(seed => WarmHitSimulation.Run(settings, policy, seed)).ToList();
            foreach (var r in results)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"placement-seed seed={r.Seed} policy={policy} warm_hit_pct={r.WarmHitPercent:F2} loads={r.Loads}"));
            means[policy] = (results.Average(r => r.WarmHitPercent), results.Average(r => (double)r.Loads));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"placement-mean policy={policy} seeds={string.Join(',', seeds)} warm_hit_pct={means[policy].HitPercent:F2} loads={means[policy].Loads:F1}"));
        }

        if (means.TryGetValue("warm-model", out var warm) && means.TryGetValue("random", out var random))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"placement-goal warm_hit_pct={warm.HitPercent:F2} (goal >= 95) random_loads_over_warm_loads={random.Loads / warm.Loads:F2} (goal >= 5)"));
        MachineFacts.Print();
        return 0;
    }
}
