using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>What a device produced for a job.</summary>
/// <param name="Output">Output bytes.</param>
/// <param name="ContentType">Media type of <paramref name="Output"/>.</param>
/// <param name="Metadata">Pipeline-specific facts about the output (e.g. tensor shape).</param>
/// <param name="Units">Units of work produced, the basis of the fee (pixels, milliseconds, tokens).</param>
/// <param name="DeviceKey">The device that ran the job, <c>{workerId}/{index}</c>.</param>
/// <param name="Silo">The silo that hosts that device.</param>
/// <param name="ColdStart">True when the job had to wait for its model to load.</param>
/// <param name="RunTime">Time spent in the pipeline itself.</param>
/// <param name="JobSilo">The silo the job grain was placed on (the same as <paramref name="Silo"/> when the device call was local).</param>
[GenerateSerializer, Immutable, Alias("livepeer.job-result")]
public sealed record JobResult(
    [property: Id(0)] byte[] Output,
    [property: Id(1)] string ContentType,
    [property: Id(2)] ImmutableDictionary<string, string> Metadata,
    [property: Id(3)] long Units,
    [property: Id(4)] string DeviceKey,
    [property: Id(5)] SiloAddress Silo,
    [property: Id(6)] bool ColdStart,
    [property: Id(7)] TimeSpan RunTime,
    [property: Id(8)] SiloAddress? JobSilo = null);
