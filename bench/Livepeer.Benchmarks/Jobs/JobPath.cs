using Livepeer.Contracts;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>
/// One way into the silo, from the cheapest to the full job path, so that the cost of each hop shows as the difference
/// between two neighbours: an empty call, an empty activation, the device grain alone, a job grain (placement +
/// activation + device call), and the orchestrator (admission + job grain).
/// </summary>
internal sealed class JobPath(string name, Func<int, Task> call)
{
    public static IReadOnlyList<string> Names { get; } = ["empty", "activate", "direct", "job-grain", "orchestrator"];

    private static long activationKey;

    public string Name { get; } = name;

    /// <summary>Makes one call for caller number <c>caller</c>.</summary>
    public Task CallAsync(int caller) => call(caller);

    public static JobPath Create(string name, BenchSilo silo, JobRequests requests)
    {
        var grains = silo.Grains;
        var device = grains.GetGrain<IGpuGrain>(BenchSilo.DeviceKey);
        var orchestrator = grains.GetGrain<IOrchestratorGrain>(BenchSilo.Orchestrator);
        return name switch
        {
            "empty" => new(name, caller => grains.GetGrain<IPingGrain>(caller).PingAsync(caller)),
            "activate" => new(name, _ => grains.GetGrain<IPingGrain>(1_000_000 + Interlocked.Increment(ref activationKey)).PingOnceAsync(0)),
            "direct" => new(name, async _ => Check(await device.RunAsync(requests.Next()))),
            "job-grain" => new(name, async _ => Check(await RunJobGrainAsync(silo, requests.Next()))),
            "orchestrator" => new(name, async _ => Check(await orchestrator.SubmitJobAsync(requests.Next()))),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown path"),
        };
    }

    private static async Task<JobResult> RunJobGrainAsync(BenchSilo silo, JobRequest job)
    {
        var key = new JobKey(BenchSilo.Orchestrator, job.JobId, job.ModelId);
        try
        {
            return await silo.Grains.GetGrain<IJobGrain>(key.ToString()).RunAsync(job);
        }
        finally
        {
            // What the orchestrator does after its job grain answers; without it the ledger grows until it sweeps on every placement.
            silo.Ledger.Finished(key);
        }
    }

    private static void Check(JobResult result)
    {
        if (result.Output.Length == 0) throw new InvalidOperationException($"Job on {result.DeviceKey} returned no output.");
    }
}
