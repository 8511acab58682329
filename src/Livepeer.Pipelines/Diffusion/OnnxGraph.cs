using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// One ONNX Runtime session of a multi-graph model (text encoder, UNet, VAE…). Input and output names and element
/// types are read from the session: float inputs are converted to float16 when the graph wants it, float16 outputs are
/// read back as float, and an int64 or float timestep is fed as the graph declares. Errors name the model and the part.
/// </summary>
internal sealed class OnnxGraph : IDisposable
{
    private readonly InferenceSession session;

    public OnnxGraph(InferenceSession session, string modelId, string part)
    {
        this.session = session;
        ModelId = modelId;
        Part = part;
    }

    public string ModelId { get; }

    public string Part { get; }

    public IEnumerable<string> OutputNames => session.OutputMetadata.Keys;

    public bool HasInput(string name) => session.InputMetadata.ContainsKey(name);

    public TensorElementType InputType(string name) => Input(name).ElementDataType;

    /// <summary>The input's dimensions; negative for symbolic ones.</summary>
    public int[] InputDims(string name) => Input(name).Dimensions;

    /// <summary>Checks that the graph has these inputs and outputs, so a wrong export fails at load with a clear message.</summary>
    public void Require(string[] inputs, string[] outputs)
    {
        foreach (var name in inputs)
            _ = Input(name);
        foreach (var name in outputs)
        {
            if (!session.OutputMetadata.ContainsKey(name))
                throw new InvalidModelException($"Model '{ModelId}': {Part} has no output '{name}' (it has {string.Join(", ", session.OutputMetadata.Keys)}).");
        }
    }

    /// <summary>A float tensor for <paramref name="input"/>, as float16 when the graph declares it; the array is not copied for float.</summary>
    public OrtValue Floats(string input, float[] values, long[] shape) =>
        InputType(input) switch
        {
            TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(values, shape),
            TensorElementType.Float16 => OrtValue.CreateTensorValueFromMemory(HalfPrecision.ToHalf(values), shape),
            var other => throw new InvalidModelException($"Model '{ModelId}': {Part} input '{input}' is {other}; float or float16 expected."),
        };

    /// <summary>An integer or float tensor for <paramref name="input"/>, as the graph declares it (token ids, timesteps).</summary>
    public OrtValue Numbers(string input, ReadOnlySpan<long> values, long[] shape) =>
        InputType(input) switch
        {
            TensorElementType.Int64 => OrtValue.CreateTensorValueFromMemory(values.ToArray(), shape),
            TensorElementType.Int32 => OrtValue.CreateTensorValueFromMemory(ToArray(values, v => checked((int)v)), shape),
            TensorElementType.Float => OrtValue.CreateTensorValueFromMemory(ToArray(values, v => (float)v), shape),
            TensorElementType.Float16 => OrtValue.CreateTensorValueFromMemory(ToArray(values, v => (Float16)v), shape),
            var other => throw new InvalidModelException($"Model '{ModelId}': {Part} input '{input}' is {other}; an integer or float type expected."),
        };

    /// <summary>Runs the graph; cancellation terminates the run. The caller disposes the results.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyList<string> inputNames, IReadOnlyList<OrtValue> inputs, IReadOnlyList<string> outputNames, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        try
        {
            return session.Run(runOptions, inputNames, inputs, outputNames);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidModelException($"Model '{ModelId}': {Part} failed: {e.Message}", e);
        }
    }

    /// <summary>Copies a float or float16 output into <paramref name="destination"/> (which must fit it exactly).</summary>
    public void ReadFloats(OrtValue value, string output, Span<float> destination)
    {
        var info = value.GetTensorTypeAndShape();
        if (info.ElementCount != destination.Length)
            throw new InvalidModelException($"Model '{ModelId}': {Part} output '{output}' has shape [{TensorShape.Format(info.Shape)}], {info.ElementCount} values where {destination.Length} were expected.");
        switch (info.ElementDataType)
        {
            case TensorElementType.Float:
                value.GetTensorDataAsSpan<float>().CopyTo(destination);
                break;
            case TensorElementType.Float16:
                HalfPrecision.ToSingle(value.GetTensorDataAsSpan<Float16>(), destination);
                break;
            default:
                throw new InvalidModelException($"Model '{ModelId}': {Part} output '{output}' is {info.ElementDataType}; float or float16 expected.");
        }
    }

    /// <summary>
    /// A float output's values where ONNX Runtime holds them (valid until <paramref name="value"/> is disposed), or a
    /// float16 output converted into <paramref name="scratch"/>; either way exactly <paramref name="scratch"/>'s length.
    /// </summary>
    public ReadOnlySpan<float> FloatsInPlace(OrtValue value, string output, float[] scratch)
    {
        var info = value.GetTensorTypeAndShape();
        if (info.ElementDataType != TensorElementType.Float || info.ElementCount != scratch.Length)
        {
            ReadFloats(value, output, scratch);
            return scratch;
        }

        return value.GetTensorDataAsSpan<float>();
    }

    /// <summary>A float or float16 output as a new array, with its shape.</summary>
    public (float[] Values, long[] Shape) ReadFloats(OrtValue value, string output)
    {
        var info = value.GetTensorTypeAndShape();
        var values = new float[info.ElementCount];
        ReadFloats(value, output, values);
        return (values, info.Shape);
    }

    public void Dispose() => session.Dispose();

    private NodeMetadata Input(string name) =>
        session.InputMetadata.TryGetValue(name, out var meta)
            ? meta
            : throw new InvalidModelException($"Model '{ModelId}': {Part} has no input '{name}' (it has {string.Join(", ", session.InputMetadata.Keys)}).");

    private static T[] ToArray<T>(ReadOnlySpan<long> values, Func<long, T> convert)
    {
        var result = new T[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = convert(values[i]);
        return result;
    }
}
