using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>An orchestrator's advertisement and counters.</summary>
/// <param name="Address">Ethereum address.</param>
/// <param name="Capabilities">Each capability with its capacity in use.</param>
/// <param name="WorkerSilos">Silos whose devices serve this orchestrator now.</param>
/// <param name="JobsCompleted">Jobs that finished successfully since the orchestrator was first configured.</param>
/// <param name="JobsFailed">Jobs that were admitted and then failed.</param>
/// <param name="UnitsProduced">Units of work produced by completed jobs.</param>
/// <param name="WarmModels">Models warm (loaded) on its worker silos now, advertised or not.</param>
[GenerateSerializer, Immutable, Alias("livepeer.orchestrator-info")]
public sealed record OrchestratorInfo(
    [property: Id(0)] string Address,
    [property: Id(1)] ImmutableArray<CapabilityUsage> Capabilities,
    [property: Id(2)] ImmutableArray<string> WorkerSilos,
    [property: Id(3)] long JobsCompleted,
    [property: Id(4)] long JobsFailed,
    [property: Id(5)] long UnitsProduced,
    [property: Id(6)] ImmutableArray<string> WarmModels);
