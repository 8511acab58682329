namespace Livepeer.Pipelines;

/// <summary>One run's input: parameters as invariant-culture strings and the input bytes.</summary>
/// <param name="Parameters">Pipeline parameters.</param>
/// <param name="Data">Input bytes.</param>
public sealed record PipelineInput(IReadOnlyDictionary<string, string> Parameters, ReadOnlyMemory<byte> Data)
{
    /// <summary>The Livepeer pipeline asked for (a model may serve several, e.g. text-to-image and image-to-image); empty when unknown.</summary>
    public string Pipeline { get; init; } = "";
}
