using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>The cluster's list of orchestrators (key 0), which gateways discover them from.</summary>
[Alias("livepeer.orchestrator-registry")]
public interface IOrchestratorRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds an orchestrator (idempotent); persisted.</summary>
    [Alias("register")]
    Task RegisterAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>Every registered orchestrator address.</summary>
    [Alias("list")]
    Task<ImmutableArray<string>> GetOrchestratorsAsync(CancellationToken cancellationToken = default);
}
