using System.Globalization;
using Livepeer.Contracts;
using Livepeer.Grains.Placement;

namespace Livepeer.Benchmarks.Placement;

/// <summary>
/// Repeated placement decisions for one model in steady state: <c>inFlight</c> jobs stay placed and unfinished
/// (1: each job ends before the next is placed), and each decision first finishes the oldest, as the orchestrator does
/// when a job ends. Without that the ledger would only grow, and past its sweep threshold every decision would scan it.
/// </summary>
internal sealed class PlacementWorkload
{
    private const int DistinctJobs = 4096;

    private readonly WarmModelPlacementDirector director;
    private readonly PlacementLedger ledger;
    private readonly SiloAddress[] silos;
    private readonly JobKey[] jobs;
    private readonly int inFlight;
    private long next;

    public PlacementWorkload(PlacementCluster cluster, string modelId, int inFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inFlight, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inFlight, DistinctJobs / 2);
        this.inFlight = inFlight;
        director = cluster.Director();
        ledger = cluster.Ledger;
        silos = cluster.Silos;
        jobs = [.. Enumerable.Range(0, DistinctJobs).Select(i => new JobKey(PlacementCluster.Orchestrator, i.ToString("x8", CultureInfo.InvariantCulture), modelId))];
    }

    public SiloAddress Decide()
    {
        var n = next++;
        if (n >= inFlight) ledger.Finished(jobs[(n - inFlight) % DistinctJobs]);
        return director.Choose(jobs[n % DistinctJobs], silos);
    }

    /// <summary>Finishes every job still placed, so a later run starts from an empty ledger.</summary>
    public void Drain()
    {
        for (var n = Math.Max(0, next - inFlight); n < next; n++) ledger.Finished(jobs[n % DistinctJobs]);
        next = 0;
    }
}
