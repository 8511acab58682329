using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>What a device produced for a job.</summary>
/// <param name="Artifacts">The files produced, in order (e.g. one image per seed).</param>
/// <param name="Metadata">Pipeline-specific facts about the output (e.g. tensor shape).</param>
/// <param name="Units">Units of work produced, the basis of the fee (pixels, milliseconds, tokens).</param>
/// <param name="DeviceKey">The device that ran the job, <c>{workerId}/{index}</c>.</param>
/// <param name="Silo">The silo that hosts that device.</param>
/// <param name="ColdStart">True when the job had to wait for its model to load.</param>
/// <param name="RunTime">Time spent in the pipeline itself.</param>
/// <param name="JobSilo">The silo the job grain was placed on (the same as <paramref name="Silo"/> when the device call was local).</param>
[GenerateSerializer, Immutable, Alias("livepeer.job-result")]
public sealed record JobResult(
    [property: Id(0)] ImmutableArray<JobArtifact> Artifacts,
    [property: Id(1)] ImmutableDictionary<string, string> Metadata,
    [property: Id(2)] long Units,
    [property: Id(3)] string DeviceKey,
    [property: Id(4)] SiloAddress Silo,
    [property: Id(5)] bool ColdStart,
    [property: Id(6)] TimeSpan RunTime,
    [property: Id(7)] SiloAddress? JobSilo = null)
{
    /// <summary>The first artifact's bytes.</summary>
    public byte[] Output => Artifacts[0].Data;

    /// <summary>The first artifact's media type.</summary>
    public string ContentType => Artifacts[0].ContentType;
}
