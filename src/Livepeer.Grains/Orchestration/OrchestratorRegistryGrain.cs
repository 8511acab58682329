using System.Collections.Immutable;
using Livepeer.Contracts;

namespace Livepeer.Grains.Orchestration;

/// <summary>Keeps the list of orchestrators that configured themselves in this cluster; gateways poll it in the background.</summary>
[GrainType("livepeer-orchestrator-registry")]
internal sealed class OrchestratorRegistryGrain(
    [PersistentState("orchestrators", LivepeerStorage.Name)] IPersistentState<OrchestratorRegistryState> state) : Grain, IOrchestratorRegistryGrain
{
    public async Task RegisterAsync(string address, CancellationToken cancellationToken)
    {
        if (!EthereumAddress.TryNormalize(address, out var normalized))
            throw new ArgumentException($"'{address}' is not an Ethereum address.", nameof(address));
        if (state.State.Addresses.Add(normalized))
            await state.WriteStateAsync(cancellationToken);
    }

    public Task<ImmutableArray<string>> GetOrchestratorsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<ImmutableArray<string>>([.. state.State.Addresses.Order(StringComparer.Ordinal)]);
}
