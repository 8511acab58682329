using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;

namespace Livepeer.Benchmarks.Simulation;

/// <summary>The settings of one simulation run.</summary>
internal sealed record SimulationSettings(int Models = 40, double ZipfExponent = 1.1, int Workers = 8, int ModelsPerDevice = 4, int Jobs = 20_000)
{
    public const long ModelBytes = 1024L * 1024 * 1024;
}

/// <summary>The outcome of one policy on one job stream.</summary>
internal sealed record SimulationResult(string Policy, int Seed, int Jobs, int WarmHits, long Loads)
{
    public double WarmHitPercent => 100.0 * WarmHits / Jobs;
}

/// <summary>
/// Jobs drawn from a Zipf popularity, placed one at a time by a policy onto simulated workers; each job completes before
/// the next. The clock advances 1 ms per job so that LRU order and popularity decay see time pass.
/// </summary>
internal static class WarmHitSimulation
{
    public static SimulationResult Run(SimulationSettings settings, string policyName, int seed)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var models = Enumerable.Range(0, settings.Models).Select(i => $"sim/model-{i:D2}").ToArray();
        var installed = models.ToImmutableDictionary(m => m, _ => SimulationSettings.ModelBytes, StringComparer.Ordinal);
        var workers = Enumerable.Range(0, settings.Workers)
            .Select(i => new SimulatedWorker(i, installed, settings.ModelsPerDevice * SimulationSettings.ModelBytes, time))
            .ToArray();

        // The job stream depends on the seed only, so every policy sees the same jobs.
        var jobs = new Random(seed);
        var zipf = new ZipfDistribution(settings.Models, settings.ZipfExponent);
        // A policy's own random numbers must not follow the job stream's: with the same seed, "random" would pick the
        // silo from the very number that picked the model, giving each model a fixed silo.
        var policy = SimulationPolicy.Create(policyName, unchecked((seed * 1_000_003) + 17), time);
        var warmHits = 0;
        var residency = new Grains.Residency.SiloResidency[workers.Length];
        for (var job = 0; job < settings.Jobs; job++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            var modelId = models[zipf.Sample(jobs)];
            for (var w = 0; w < workers.Length; w++) residency[w] = workers[w].Residency();
            if (workers[policy.Choose(modelId, residency)].Run(modelId)) warmHits++;
        }

        return new SimulationResult(policyName, seed, settings.Jobs, warmHits, workers.Sum(w => w.Loads));
    }
}
