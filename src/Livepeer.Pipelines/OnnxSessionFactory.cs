using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Livepeer.Pipelines;

/// <summary>Creates ONNX Runtime sessions on the requested device, falling back to the CPU (once logged) when CUDA cannot load.</summary>
internal sealed partial class OnnxSessionFactory(ILogger<OnnxSessionFactory> logger)
{
    private int cudaUnavailableLogged;

    public (InferenceSession Session, string Provider) Create(string modelPath, ComputeDevice device)
    {
        if (device.Kind == DeviceKind.Cuda)
        {
            var options = BaseOptions(device);
            try
            {
                options.AppendExecutionProvider_CUDA(device.Index);
                return (Open(modelPath, options), "CUDAExecutionProvider");
            }
            catch (OnnxRuntimeException e) when (IsProviderLoadFailure(e))
            {
                options.Dispose();
                if (Interlocked.Exchange(ref cudaUnavailableLogged, 1) == 0)
                    LogCudaUnavailable(logger, device.Index, e.Message);
            }
        }

        return (Open(modelPath, BaseOptions(device)), "CPUExecutionProvider");
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

    // Only a provider that cannot load (missing CUDA/cuDNN libraries, no device) falls back; a broken model must not.
    private static bool IsProviderLoadFailure(OnnxRuntimeException e) =>
        e.Message.Contains("provider", StringComparison.OrdinalIgnoreCase) ||
        e.Message.Contains("cuda", StringComparison.OrdinalIgnoreCase) ||
        e.Message.Contains(".so", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CUDA execution provider unavailable for device {DeviceIndex}, running on the CPU instead: {Reason}")]
    private static partial void LogCudaUnavailable(ILogger logger, int deviceIndex, string reason);
}
