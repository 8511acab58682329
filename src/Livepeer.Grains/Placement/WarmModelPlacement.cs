namespace Livepeer.Grains.Placement;

/// <summary>Places job grains on worker silos where their model is warm (see <see cref="PlacementPolicy"/>).</summary>
internal sealed class WarmModelPlacement : PlacementStrategy
{
    /// <summary>
    /// A job grain receives exactly one call and then deactivates, so nobody ever needs to look it up: registering
    /// each one in the grain directory would only add a directory round trip per job.
    /// </summary>
    public override bool IsUsingGrainDirectory => false;
}
