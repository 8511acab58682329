namespace Livepeer.Pipelines;

/// <summary>Where a model's sessions run.</summary>
/// <param name="Kind">CPU or CUDA.</param>
/// <param name="Index">CUDA device id (ignored for CPU).</param>
/// <param name="ThreadsPerRun">Intra-op threads of one run on the CPU provider.</param>
public sealed record ComputeDevice(DeviceKind Kind, int Index, int ThreadsPerRun);
