using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Livepeer.Pipelines;

/// <summary>
/// An ONNX Runtime session with one float (or float16) input, run with float32 on both sides: names, element types and
/// dimensions are read from the session, never assumed; cancellation terminates the run through <see cref="RunOptions"/>.
/// </summary>
internal sealed class SingleInputSession : IDisposable
{
    private readonly InferenceSession session;
    private readonly string modelId;
    private readonly bool inputIsHalf;
    private readonly string outputName;

    public SingleInputSession(InferenceSession session, string provider, ModelManifest manifest)
    {
        this.session = session;
        modelId = manifest.Id;
        Provider = provider;
        if (session.InputMetadata.Count != 1 || session.OutputMetadata.Count < 1)
            throw new InvalidModelException($"Model '{manifest.Id}' ({manifest.Family}) must have exactly one input and at least one output.");

        var (name, meta) = session.InputMetadata.First();
        inputIsHalf = meta.ElementDataType switch
        {
            TensorElementType.Float => false,
            TensorElementType.Float16 => true,
            var other => throw new InvalidModelException($"Model '{manifest.Id}': input '{name}' is {other}; only float and float16 are supported."),
        };
        InputName = name;
        InputDims = meta.Dimensions;
        outputName = session.OutputMetadata.Keys.First();
    }

    public string Provider { get; }

    public string InputName { get; }

    /// <summary>The input's dimensions; negative for symbolic ones.</summary>
    public int[] InputDims { get; }

    /// <summary>Reads a run's first output in place, before ONNX Runtime frees it.</summary>
    public delegate T OutputReader<out T>(ReadOnlySpan<float> output, long[] shape);

    public (float[] Output, long[] Shape) Run(float[] values, long[] shape, CancellationToken cancellationToken) =>
        Run(values, shape, static (output, outputShape) => (output.ToArray(), outputShape), cancellationToken);

    /// <summary>
    /// Runs the model on <paramref name="values"/> (exactly the shape's element count; a slice of a pooled array is fine)
    /// and hands its first output to <paramref name="read"/> without copying it (float16 outputs are converted first).
    /// </summary>
    public T Run<T>(Memory<float> values, long[] shape, OutputReader<T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var inputValue = inputIsHalf
            ? OrtValue.CreateTensorValueFromMemory(HalfPrecision.ToHalf(values.Span), shape)
            : OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, values, shape);
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        IDisposableReadOnlyCollection<OrtValue> results;
        try
        {
            results = session.Run(runOptions, [InputName], [inputValue], [outputName]);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidPipelineInputException($"Model '{modelId}' rejected shape [{TensorShape.Format(shape)}]: {e.Message}");
        }

        using (results)
        {
            var result = results[0];
            var info = result.GetTensorTypeAndShape();
            return info.ElementDataType == TensorElementType.Float16
                ? read(HalfPrecision.ToSingle(result.GetTensorDataAsSpan<Float16>()), info.Shape)
                : read(result.GetTensorDataAsSpan<float>(), info.Shape);
        }
    }

    public void Dispose() => session.Dispose();
}
