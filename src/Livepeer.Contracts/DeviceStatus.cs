using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>A device (GPU or declared CPU device) as its grain sees it.</summary>
/// <param name="DeviceKey"><c>{workerId}/{index}</c>.</param>
/// <param name="Kind"><c>cuda</c> or <c>cpu</c>.</param>
/// <param name="MemoryBudgetBytes">Memory the device may give to models.</param>
/// <param name="MemoryReservedBytes">Memory reserved by loading, warm and evicting models.</param>
/// <param name="Slots">Jobs the device runs at once.</param>
/// <param name="BusySlots">Slots running a job now.</param>
/// <param name="Models">Resident models.</param>
/// <param name="Loads">Model loads started on this device since its grain activated.</param>
/// <param name="Evictions">Models evicted from this device since its grain activated.</param>
/// <param name="JobsRun">Jobs completed on this device since its grain activated.</param>
[GenerateSerializer, Immutable, Alias("livepeer.device-status")]
public sealed record DeviceStatus(
    [property: Id(0)] string DeviceKey,
    [property: Id(1)] string Kind,
    [property: Id(2)] long MemoryBudgetBytes,
    [property: Id(3)] long MemoryReservedBytes,
    [property: Id(4)] int Slots,
    [property: Id(5)] int BusySlots,
    [property: Id(6)] ImmutableArray<ResidentModel> Models,
    [property: Id(7)] long Loads,
    [property: Id(8)] long Evictions,
    [property: Id(9)] long JobsRun)
{
    /// <summary>Memory not reserved by any model.</summary>
    public long FreeMemoryBytes => MemoryBudgetBytes - MemoryReservedBytes;

    /// <summary>Slots not running a job.</summary>
    public int FreeSlots => Slots - BusySlots;
}
