using Livepeer.Pipelines;

namespace Livepeer.Grains.Devices;

/// <summary>One device a worker offers: a GPU, or on a machine without CUDA a declared CPU "device".</summary>
public sealed class DeviceOptions
{
    /// <summary><c>cuda</c> or <c>cpu</c>. Default <c>cpu</c>.</summary>
    public string Kind { get; set; } = "cpu";

    /// <summary>Device index on this worker (the CUDA device id for <c>cuda</c>). Default 0.</summary>
    public int Index { get; set; }

    /// <summary>Memory models may take on this device, in MiB. Default 2048.</summary>
    public long MemoryMb { get; set; } = 2048;

    /// <summary>Jobs the device runs at once. Default 1 (2 measured +19% throughput on an H100).</summary>
    public int Slots { get; set; } = 1;

    /// <summary>CPU threads of one run (CPU provider only). Default 1.</summary>
    public int ThreadsPerRun { get; set; } = 1;

    /// <summary>
    /// ONNX Runtime CUDA provider options for <c>cuda</c> devices, over the defaults <c>prefer_nhwc=1</c> and
    /// <c>cudnn_conv_algo_search=EXHAUSTIVE</c> (e.g. <c>CudaOptions:use_tf32=0</c>).
    /// </summary>
    public Dictionary<string, string> CudaOptions { get; set; } = new(ComputeDevice.DefaultCudaOptions, StringComparer.Ordinal);

    internal ComputeDevice Compute => new(ParsedKind, Index, ThreadsPerRun) { CudaOptions = CudaOptions };

    internal DeviceKind ParsedKind => Kind switch
    {
        "cuda" => DeviceKind.Cuda,
        _ => DeviceKind.Cpu,
    };

    internal long MemoryBytes => MemoryMb * 1024 * 1024;
}
