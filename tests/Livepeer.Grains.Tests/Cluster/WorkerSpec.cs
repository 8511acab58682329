using Livepeer.ModelBuilder;

namespace Livepeer.Grains.Tests.Cluster;

/// <summary>A worker silo of a test cluster: one CPU device and the models installed on it.</summary>
/// <param name="WorkerId">Worker id.</param>
/// <param name="MemoryMb">Device memory budget.</param>
/// <param name="Slots">Device slots.</param>
/// <param name="Models">Installed model ids (each declares <see cref="TestClusters.ModelMemoryMb"/>).</param>
/// <param name="Specs">Graphs for particular models (default: a tiny 4-channel upscaler).</param>
internal sealed record WorkerSpec(string WorkerId, int MemoryMb, int Slots, IReadOnlyList<string> Models, IReadOnlyDictionary<string, TinyUpscalerSpec>? Specs = null);
