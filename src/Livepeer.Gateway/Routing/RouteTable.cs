using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Livepeer.Gateway.Routing;

/// <summary>Which orchestrators offer which (pipeline, model): an immutable snapshot replaced by every background refresh.</summary>
internal sealed class RouteTable
{
    private readonly FrozenDictionary<(string Pipeline, string ModelId), ImmutableArray<OrchestratorOffer>> offers;
    private readonly FrozenSet<string> pipelines;

    public RouteTable(IEnumerable<OrchestratorOffer> allOffers, DateTimeOffset refreshedAt)
    {
        var list = allOffers.ToList();
        offers = list.GroupBy(o => (o.Capability.Pipeline, o.Capability.ModelId))
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        pipelines = list.Select(o => o.Capability.Pipeline).ToFrozenSet(StringComparer.Ordinal);
        Orchestrators = list.Select(o => o.Address).Distinct(StringComparer.Ordinal).Count();
        RefreshedAt = refreshedAt;
    }

    public static RouteTable Empty { get; } = new([], DateTimeOffset.MinValue);

    public DateTimeOffset RefreshedAt { get; }

    /// <summary>Orchestrators with at least one offer.</summary>
    public int Orchestrators { get; }

    public IEnumerable<OrchestratorOffer> All => offers.Values.SelectMany(o => o);

    public ImmutableArray<OrchestratorOffer> OffersFor(string pipeline, string modelId) =>
        offers.TryGetValue((pipeline, modelId), out var found) ? found : [];

    public bool OffersPipeline(string pipeline) => pipelines.Contains(pipeline);
}
