using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Livepeer.Pipelines;

/// <summary>
/// The <see cref="ModelFamilies.OnnxTensor"/> family: one float input tensor in, the first output out.
/// The wire format is float32 little-endian either way; fp16 models are converted at the edge.
/// </summary>
internal sealed class TensorModel : ILoadedModel
{
    /// <summary>Media type of float32 little-endian tensor bytes; the shape travels in metadata.</summary>
    public const string ContentType = "application/x-livepeer-tensor-f32";
    private const string ShapeParameter = "shape";
    private const int DefaultWarmupSize = 8;

    private readonly InferenceSession session;
    private readonly ModelManifest manifest;
    private readonly string inputName;
    private readonly int[] inputDims;
    private readonly bool inputIsHalf;
    private readonly string outputName;

    public TensorModel(InferenceSession session, string provider, ModelManifest manifest)
    {
        this.session = session;
        this.manifest = manifest;
        ExecutionProvider = provider;
        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count < 1)
            throw new InvalidModelException($"Model '{manifest.Id}' ({ModelFamilies.OnnxTensor}) must have exactly one input and at least one output.");

        var (name, meta) = session.InputMetadata.First();
        inputIsHalf = meta.ElementDataType switch
        {
            TensorElementType.Float => false,
            TensorElementType.Float16 => true,
            var other => throw new InvalidModelException($"Model '{manifest.Id}': input '{name}' is {other}; only float and float16 are supported."),
        };
        inputName = name;
        inputDims = meta.Dimensions;
        outputName = session.OutputMetadata.Keys.First();
    }

    public string ExecutionProvider { get; }

    public void WarmUp(CancellationToken cancellationToken)
    {
        try
        {
            var shape = manifest.Warmup.TryGetValue(ShapeParameter, out var text)
                ? TensorShape.Parse(text, $"warmup.{ShapeParameter}")
                : TensorShape.Concrete(inputDims, DefaultWarmupSize);
            var count = TensorShape.Check(shape, inputDims, inputName);
            Execute(new float[count], shape, cancellationToken);
        }
        catch (InvalidPipelineInputException e)
        {
            // The warm-up input comes from the manifest, so a failure here is the model's fault, not a caller's.
            throw new InvalidModelException($"Model '{manifest.Id}': warm-up failed: {e.Message}", e);
        }
    }

    public PipelineOutput Run(PipelineInput input, CancellationToken cancellationToken)
    {
        if (!input.Parameters.TryGetValue(ShapeParameter, out var text))
            throw new InvalidPipelineInputException($"Parameter '{ShapeParameter}' is required (e.g. 1,3,64,64).");
        var shape = TensorShape.Parse(text, ShapeParameter);
        var count = TensorShape.Check(shape, inputDims, inputName);
        if (input.Data.Length != count * sizeof(float))
            throw new InvalidPipelineInputException($"Shape [{text}] needs {count * sizeof(float)} bytes of float32 data, got {input.Data.Length}.");

        var values = MemoryMarshal.Cast<byte, float>(input.Data.Span).ToArray();
        var (output, outputShape) = Execute(values, shape, cancellationToken);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [ShapeParameter] = TensorShape.Format(outputShape) };
        return new PipelineOutput(MemoryMarshal.AsBytes(output.AsSpan()).ToArray(), ContentType, metadata, Units(shape));
    }

    // Image-like tensors are priced by their input height x width (go-livepeer's unit for upscale); others by elements.
    private static long Units(long[] shape) => shape.Length >= 2 ? shape[^1] * shape[^2] : shape.Aggregate(1L, (a, b) => a * b);

    private (float[] Output, long[] Shape) Execute(float[] values, long[] shape, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var inputValue = inputIsHalf
            ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(values, v => (Float16)v), shape)
            : OrtValue.CreateTensorValueFromMemory(values, shape);
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        IDisposableReadOnlyCollection<OrtValue> results;
        try
        {
            results = session.Run(runOptions, [inputName], [inputValue], [outputName]);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidPipelineInputException($"Model '{manifest.Id}' rejected shape [{TensorShape.Format(shape)}]: {e.Message}");
        }

        using (results)
        {
            var result = results[0];
            var info = result.GetTensorTypeAndShape();
            var output = info.ElementDataType == TensorElementType.Float16
                ? ToSingle(result.GetTensorDataAsSpan<Float16>())
                : result.GetTensorDataAsSpan<float>().ToArray();
            return (output, info.Shape);
        }
    }

    private static float[] ToSingle(ReadOnlySpan<Float16> half)
    {
        var single = new float[half.Length];
        for (var i = 0; i < half.Length; i++) single[i] = (float)half[i];
        return single;
    }

    public void Dispose() => session.Dispose();
}
