namespace Livepeer.Contracts;

/// <summary>One model held by one device.</summary>
/// <param name="ModelId">Model id.</param>
/// <param name="State">Loading, warm or evicting.</param>
/// <param name="MemoryBytes">Memory reserved for the model on the device.</param>
/// <param name="ActiveJobs">Jobs running or waiting for a slot on this model; a model with any is never evicted.</param>
/// <param name="LastUsed">When a job last finished on it (or when it became warm).</param>
/// <param name="Pinned">Kept warm by configuration; never evicted.</param>
[GenerateSerializer, Immutable, Alias("livepeer.resident-model")]
public sealed record ResidentModel(
    [property: Id(0)] string ModelId,
    [property: Id(1)] ModelState State,
    [property: Id(2)] long MemoryBytes,
    [property: Id(3)] int ActiveJobs,
    [property: Id(4)] DateTimeOffset LastUsed,
    [property: Id(5)] bool Pinned);
