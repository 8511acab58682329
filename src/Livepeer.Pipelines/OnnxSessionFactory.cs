using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Livepeer.Pipelines;

/// <summary>Creates ONNX Runtime sessions on the requested device, falling back to the CPU (once logged) when CUDA cannot load.</summary>
internal sealed partial class OnnxSessionFactory(ILogger<OnnxSessionFactory> logger)
{
    private int cudaUnavailableLogged;

    public (InferenceSession Session, string Provider) Create(string modelPath, ComputeDevice device)
    {
        if (device.Kind == DeviceKind.Cuda && TryCreateOnCuda(modelPath, device) is { } session)
            return (session, "CUDAExecutionProvider");
        return (Open(modelPath, BaseOptions(device)), "CPUExecutionProvider");
    }

    /// <summary>
    /// A session on the CUDA provider, or null when the provider cannot run here: the CPU-only package lacks the entry
    /// point, the CUDA/cuDNN libraries are missing, or there is no such device. A broken model also lands here; the CPU
    /// attempt that follows then reports it with its file name.
    /// </summary>
    private InferenceSession? TryCreateOnCuda(string modelPath, ComputeDevice device)
    {
        using var options = BaseOptions(device);
        try
        {
            using var cuda = new OrtCUDAProviderOptions();
            var settings = new Dictionary<string, string>(device.CudaOptions, StringComparer.Ordinal)
            {
                ["device_id"] = device.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            cuda.UpdateOptions(settings);
            options.AppendExecutionProvider_CUDA(cuda);
            return new InferenceSession(modelPath, options);
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            if (Interlocked.Exchange(ref cudaUnavailableLogged, 1) == 0)
                LogCudaUnavailable(logger, device.Index, e.Message);
            return null;
        }
    }

    private static SessionOptions BaseOptions(ComputeDevice device) => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        IntraOpNumThreads = Math.Max(1, device.ThreadsPerRun),
        InterOpNumThreads = 1,
    };

    private static InferenceSession Open(string modelPath, SessionOptions options)
    {
        try
        {
            return new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidModelException($"Model file '{modelPath}' could not be loaded by ONNX Runtime: {e.Message}", e);
        }
        finally
        {
            // The session keeps what it needs; the options object is only read at creation.
            options.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CUDA execution provider unavailable for device {DeviceIndex}, running on the CPU instead: {Reason}")]
    private static partial void LogCudaUnavailable(ILogger logger, int deviceIndex, string reason);
}
