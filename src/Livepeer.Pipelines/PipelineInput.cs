namespace Livepeer.Pipelines;

/// <summary>One run's input: parameters as invariant-culture strings and the input bytes.</summary>
/// <param name="Parameters">Pipeline parameters.</param>
/// <param name="Data">Input bytes.</param>
public sealed record PipelineInput(IReadOnlyDictionary<string, string> Parameters, ReadOnlyMemory<byte> Data);
