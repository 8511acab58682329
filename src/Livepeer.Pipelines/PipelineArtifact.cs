namespace Livepeer.Pipelines;

/// <summary>One produced file (an image, a video, audio, or a tensor).</summary>
/// <param name="Data">The bytes.</param>
/// <param name="ContentType">Media type of <paramref name="Data"/>.</param>
/// <param name="Seed">The seed that produced it (0 when the pipeline takes none).</param>
/// <param name="Nsfw">Whether the safety check flagged it.</param>
public sealed record PipelineArtifact(byte[] Data, string ContentType, long Seed, bool Nsfw);
