namespace Livepeer.Contracts;

/// <summary>How much of one capability's capacity is taken now.</summary>
/// <param name="Capability">The capability.</param>
/// <param name="InUse">Jobs admitted and not yet finished.</param>
[GenerateSerializer, Immutable, Alias("livepeer.capability-usage")]
public sealed record CapabilityUsage(
    [property: Id(0)] ModelCapability Capability,
    [property: Id(1)] int InUse);
