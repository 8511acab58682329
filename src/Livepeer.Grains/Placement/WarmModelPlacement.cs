namespace Livepeer.Grains.Placement;

/// <summary>Places job grains on worker silos where their model is warm (see <see cref="PlacementPolicy"/>).</summary>
internal sealed class WarmModelPlacement : PlacementStrategy
{
}
