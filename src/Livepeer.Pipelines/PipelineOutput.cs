namespace Livepeer.Pipelines;

/// <summary>One run's output.</summary>
/// <param name="Artifacts">What the run produced, in order (e.g. one image per seed).</param>
/// <param name="Metadata">Facts about the output (e.g. <c>shape</c>).</param>
/// <param name="Units">Units of work, the basis of the fee.</param>
public sealed record PipelineOutput(IReadOnlyList<PipelineArtifact> Artifacts, IReadOnlyDictionary<string, string> Metadata, long Units)
{
    /// <summary>The first artifact's bytes.</summary>
    public byte[] Data => Artifacts[0].Data;

    /// <summary>The first artifact's media type.</summary>
    public string ContentType => Artifacts[0].ContentType;

    /// <summary>
    /// Work left that needs the CPU but not the device (encoding video frames), which returns the final output. Workers
    /// run it after releasing the device's slot, so the next job computes meanwhile. Null when the output is final.
    /// </summary>
    public Func<CancellationToken, Task<PipelineOutput>>? Finish { get; init; }

    /// <summary>This output when it is final, else the output <see cref="Finish"/> makes.</summary>
    public Task<PipelineOutput> CompleteAsync(CancellationToken cancellationToken) =>
        Finish is null ? Task.FromResult(this) : Finish(cancellationToken);
}
