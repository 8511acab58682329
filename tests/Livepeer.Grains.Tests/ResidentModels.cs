using System.Collections.Immutable;
using Livepeer.Contracts;
using Livepeer.Grains.Residency;

namespace Livepeer.Grains.Tests;

/// <summary>Builders of residency snapshots for pure placement tests.</summary>
internal static class ResidentModels
{
    public const long MiB = 1024 * 1024;
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ResidentModel Warm(string id, long memoryMb = 100, int minutesAgo = 0, int activeJobs = 0, bool pinned = false) =>
        new(id, ModelState.Warm, memoryMb * MiB, activeJobs, Epoch.AddMinutes(-minutesAgo), pinned);

    public static ResidentModel Loading(string id, long memoryMb = 100) =>
        new(id, ModelState.Loading, memoryMb * MiB, 0, Epoch, false);

    public static DeviceStatus Device(string key, long budgetMb, int slots, int busy, params ResidentModel[] models) =>
        new(key, "cpu", budgetMb * MiB, models.Sum(m => m.MemoryBytes), slots, busy, [.. models], 0, 0, 0);

    public static SiloResidency Silo(int port, string workerId, IEnumerable<string> installed, params DeviceStatus[] devices) =>
        new(new SiloResidencySnapshot(
            SiloAddress.New(System.Net.IPAddress.Loopback, port, 1),
            workerId,
            1,
            [],
            installed.ToImmutableDictionary(m => m, _ => 100 * MiB),
            [.. devices]),
            new Dictionary<string, int>());
}
