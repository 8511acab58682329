namespace Livepeer.Contracts;

/// <summary>One file a job produced.</summary>
/// <param name="Data">The bytes.</param>
/// <param name="ContentType">Media type.</param>
/// <param name="Seed">The seed that produced it.</param>
/// <param name="Nsfw">Whether the safety check flagged it.</param>
[GenerateSerializer, Immutable, Alias("livepeer.job-artifact")]
public sealed record JobArtifact(
    [property: Id(0)] byte[] Data,
    [property: Id(1)] string ContentType,
    [property: Id(2)] long Seed,
    [property: Id(3)] bool Nsfw);
