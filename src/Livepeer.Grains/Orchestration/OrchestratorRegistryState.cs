namespace Livepeer.Grains.Orchestration;

/// <summary>The registered orchestrator addresses.</summary>
[GenerateSerializer, Alias("livepeer.orchestrator-registry-state")]
internal sealed class OrchestratorRegistryState
{
    [Id(0)]
    public HashSet<string> Addresses { get; set; } = new(StringComparer.Ordinal);
}
