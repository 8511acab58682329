using Orleans.Placement;

namespace Livepeer.Grains.Placement;

/// <summary>Marks a grain whose key is a <see cref="Contracts.JobKey"/> for warm-model placement.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class WarmModelPlacementAttribute() : PlacementAttribute(new WarmModelPlacement());
