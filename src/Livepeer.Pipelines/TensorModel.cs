using System.Runtime.InteropServices;

namespace Livepeer.Pipelines;

/// <summary>
/// The <see cref="ModelFamilies.OnnxTensor"/> family: one float input tensor in, the first output out.
/// The wire format is float32 little-endian either way; fp16 models are converted at the edge.
/// </summary>
internal sealed class TensorModel(SingleInputSession session, ModelManifest manifest) : ILoadedModel
{
    /// <summary>Media type of float32 little-endian tensor bytes; the shape travels in metadata.</summary>
    public const string ContentType = "application/x-livepeer-tensor-f32";
    private const string ShapeParameter = "shape";

    public string ExecutionProvider => session.Provider;

    public void WarmUp(CancellationToken cancellationToken) => Warmup.Run(session, manifest, cancellationToken);

    public PipelineOutput Run(PipelineInput input, CancellationToken cancellationToken)
    {
        if (!input.Parameters.TryGetValue(ShapeParameter, out var text))
            throw new InvalidPipelineInputException($"Parameter '{ShapeParameter}' is required (e.g. 1,3,64,64).");
        var shape = TensorShape.Parse(text, ShapeParameter);
        var count = TensorShape.Check(shape, session.InputDims, session.InputName);
        if (input.Data.Length != count * sizeof(float))
            throw new InvalidPipelineInputException($"Shape [{text}] needs {count * sizeof(float)} bytes of float32 data, got {input.Data.Length}.");

        var values = MemoryMarshal.Cast<byte, float>(input.Data.Span).ToArray();
        var (output, outputShape) = session.Run(values, shape, cancellationToken);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [ShapeParameter] = TensorShape.Format(outputShape) };
        return new PipelineOutput([new PipelineArtifact(MemoryMarshal.AsBytes(output.AsSpan()).ToArray(), ContentType, 0, false)], metadata, Units(shape));
    }

    // Image-like tensors are priced by their input height x width (go-livepeer's unit for upscale); others by elements.
    private static long Units(long[] shape) => shape.Length >= 2 ? shape[^1] * shape[^2] : shape.Aggregate(1L, (a, b) => a * b);

    public void Dispose() => session.Dispose();
}
