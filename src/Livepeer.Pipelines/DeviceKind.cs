namespace Livepeer.Pipelines;

/// <summary>What runs a model's sessions.</summary>
public enum DeviceKind
{
    /// <summary>The CPU execution provider; a worker without CUDA declares CPU devices with a memory budget.</summary>
    Cpu = 0,

    /// <summary>The CUDA execution provider on one GPU (falls back to the CPU when CUDA cannot load).</summary>
    Cuda = 1,
}
