namespace Livepeer.Contracts;

/// <summary>A request for a device that has (or will have) a model warm.</summary>
/// <param name="Orchestrator">The orchestrator whose workers may serve the job.</param>
/// <param name="PreferredSilo">The silo the job runs on; a load goes there when it can.</param>
/// <param name="Pin">Keep the model warm on the device found (warm-at-start models): it is never evicted.</param>
[GenerateSerializer, Immutable, Alias("livepeer.device-request")]
public sealed record DeviceRequest(
    [property: Id(0)] string Orchestrator,
    [property: Id(1)] SiloAddress? PreferredSilo,
    [property: Id(2)] bool Pin = false);
