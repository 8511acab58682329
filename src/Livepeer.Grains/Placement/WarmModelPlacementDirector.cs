using Livepeer.Contracts;
using Livepeer.Grains.Residency;
using Orleans.Runtime.Placement;

namespace Livepeer.Grains.Placement;

/// <summary>
/// Chooses the silo for a new job grain from the local residency view: no grain call, no lock, a few lookups per silo.
/// The model and orchestrator come from the grain key, so placement needs no request context.
/// </summary>
internal sealed class WarmModelPlacementDirector(ClusterResidencyView view, ModelPopularity popularity, PlacementLedger ledger) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString()!;
        if (!JobKey.TryParse(key, out var jobKey))
            throw new JobFailedException(JobErrorKind.InvalidInput, $"'{key}' is not a job key ({{orchestrator}}/{{jobId}}/{{modelId}}).");
        return Task.FromResult(Choose(jobKey, context.GetCompatibleSilos(target)));
    }

    /// <summary>The decision itself, separate from Orleans types so it can be measured alone.</summary>
    internal SiloAddress Choose(JobKey job, SiloAddress[] compatible)
    {
        var eligible = new List<SiloResidency>(compatible.Length);
        foreach (var silo in compatible)
        {
            if (view.TryGet(silo, out var residency) && residency.CanServe(job.ModelId, job.Orchestrator))
                eligible.Add(residency);
        }

        if (eligible.Count == 0)
            throw new JobFailedException(JobErrorKind.NoWorker, $"No worker silo has model '{job.ModelId}' installed for orchestrator {job.Orchestrator}.");

        popularity.Observe(job.ModelId);
        var chosen = PlacementPolicy.ChooseSilo(job.ModelId, eligible, popularity, Random.Shared, ledger.InFlight);
        ledger.Placed(job, chosen.Silo);
        return chosen.Silo;
    }
}
