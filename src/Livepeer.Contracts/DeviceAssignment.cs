namespace Livepeer.Contracts;

/// <summary>The device a job should run on.</summary>
/// <param name="DeviceKey">The device.</param>
/// <param name="WaitedForLoad">True when the model was loaded (or still loading) for this request: a cold start.</param>
[GenerateSerializer, Immutable, Alias("livepeer.device-assignment")]
public sealed record DeviceAssignment(
    [property: Id(0)] string DeviceKey,
    [property: Id(1)] bool WaitedForLoad);
