namespace Livepeer.Grains.Tests.Cluster;

/// <summary>A worker silo of a test cluster: one CPU device and the models installed on it.</summary>
internal sealed record WorkerSpec(string WorkerId, int MemoryMb, int Slots, IReadOnlyList<string> Models);
