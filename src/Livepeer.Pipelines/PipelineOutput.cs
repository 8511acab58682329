namespace Livepeer.Pipelines;

/// <summary>One run's output.</summary>
/// <param name="Data">Output bytes.</param>
/// <param name="ContentType">Media type of <paramref name="Data"/>.</param>
/// <param name="Metadata">Facts about the output (e.g. <c>shape</c>).</param>
/// <param name="Units">Units of work, the basis of the fee.</param>
public sealed record PipelineOutput(byte[] Data, string ContentType, IReadOnlyDictionary<string, string> Metadata, long Units);
