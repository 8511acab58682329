using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>What an orchestrator is configured to offer.</summary>
/// <param name="Address">Ethereum address, lower-case <c>0x</c> hex.</param>
/// <param name="Models">The capabilities from its <c>aiModels.json</c>.</param>
[GenerateSerializer, Immutable, Alias("livepeer.orchestrator-configuration")]
public sealed record OrchestratorConfiguration(
    [property: Id(0)] string Address,
    [property: Id(1)] ImmutableArray<ModelCapability> Models);
