namespace Livepeer.Contracts;

/// <summary>One (pipeline, model) an orchestrator offers, as go-livepeer's <c>aiModels.json</c> entry describes it.</summary>
/// <param name="Pipeline">Livepeer pipeline name.</param>
/// <param name="ModelId">Model id.</param>
/// <param name="Warm">Load at start and keep resident (never evicted).</param>
/// <param name="Capacity">Jobs for this model the orchestrator admits at once.</param>
/// <param name="PricePerUnit">Price of <paramref name="PixelsPerUnit"/> units, in <paramref name="Currency"/>.</param>
/// <param name="PixelsPerUnit">Units the price is quoted for.</param>
/// <param name="Currency"><c>wei</c>, or a fiat code such as <c>USD</c>.</param>
/// <param name="Gateway">The gateway address this price applies to, or <c>default</c>.</param>
[GenerateSerializer, Immutable, Alias("livepeer.model-capability")]
public sealed record ModelCapability(
    [property: Id(0)] string Pipeline,
    [property: Id(1)] string ModelId,
    [property: Id(2)] bool Warm,
    [property: Id(3)] int Capacity,
    [property: Id(4)] decimal PricePerUnit,
    [property: Id(5)] long PixelsPerUnit,
    [property: Id(6)] string Currency,
    [property: Id(7)] string Gateway);
