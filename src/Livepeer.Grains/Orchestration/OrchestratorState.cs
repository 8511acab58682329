using Livepeer.Contracts;

namespace Livepeer.Grains.Orchestration;

/// <summary>What an orchestrator keeps across restarts.</summary>
[GenerateSerializer, Alias("livepeer.orchestrator-state")]
internal sealed class OrchestratorState
{
    /// <summary>Its configuration, or null before it was configured.</summary>
    [Id(0)]
    public OrchestratorConfiguration? Configuration { get; set; }

    [Id(1)]
    public long JobsCompleted { get; set; }

    [Id(2)]
    public long JobsFailed { get; set; }

    [Id(3)]
    public long UnitsProduced { get; set; }
}
