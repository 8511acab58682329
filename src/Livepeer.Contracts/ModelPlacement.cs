namespace Livepeer.Contracts;

/// <summary>One device that holds a model, as its residency grain knows it.</summary>
/// <param name="DeviceKey">The device.</param>
/// <param name="Silo">The silo hosting the device.</param>
/// <param name="State">Loading or warm.</param>
[GenerateSerializer, Immutable, Alias("livepeer.model-placement")]
public sealed record ModelPlacement(
    [property: Id(0)] string DeviceKey,
    [property: Id(1)] SiloAddress Silo,
    [property: Id(2)] ModelState State);
