using System.Globalization;
using Livepeer.Contracts;
using Livepeer.Grains.Placement;

namespace Livepeer.Benchmarks.Placement;

/// <summary>
/// Repeated placement decisions for one model in steady state: <see cref="InFlight"/> jobs stay placed and unfinished,
/// and each decision first finishes the oldest, as the orchestrator does when a job ends. Without that the ledger
/// would only grow, and past its sweep threshold every decision would scan it.
/// </summary>
internal sealed class PlacementWorkload
{
    public const int InFlight = 64;
    private const int DistinctJobs = 4096;

    private readonly WarmModelPlacementDirector director;
    private readonly PlacementLedger ledger;
    private readonly SiloAddress[] silos;
    private readonly JobKey[] jobs;
    private long next;

    public PlacementWorkload(PlacementCluster cluster, string modelId)
    {
        director = cluster.Director();
        ledger = cluster.Ledger;
        silos = cluster.Silos;
        jobs = [.. Enumerable.Range(0, DistinctJobs).Select(i => new JobKey(PlacementCluster.Orchestrator, i.ToString("x8", CultureInfo.InvariantCulture), modelId))];
    }

    public SiloAddress Decide()
    {
        var n = next++;
        if (n >= InFlight) ledger.Finished(jobs[(n - InFlight) % DistinctJobs]);
        return director.Choose(jobs[n % DistinctJobs], silos);
    }

    /// <summary>Finishes every job still placed, so a later run starts from an empty ledger.</summary>
    public void Drain()
    {
        for (var n = Math.Max(0, next - InFlight); n < next; n++) ledger.Finished(jobs[n % DistinctJobs]);
        next = 0;
    }
}
