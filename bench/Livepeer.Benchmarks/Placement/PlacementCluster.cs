using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using Livepeer.Contracts;
using Livepeer.Grains.Placement;
using Livepeer.Grains.Residency;

namespace Livepeer.Benchmarks.Placement;

/// <summary>
/// A residency view as a busy cluster's would look: 16 worker silos with 50 installed models each, 2 devices per silo,
/// about 4 warm models per device (filling most of its memory), busy slots and queued jobs on some devices.
/// Two models are placed on purpose: <see cref="WarmModel"/> is warm on a few silos, <see cref="ColdModel"/> nowhere and
/// bigger than any device's free memory, so placing it prices an eviction on every device.
/// </summary>
internal sealed class PlacementCluster
{
    public const string Orchestrator = "0x00000000000000000000000000000000000000b1";
    public const string WarmModel = "bench/warm-on-few";
    public const string ColdModel = "bench/cold-everywhere";
    public const int SiloCount = 16;
    public const int InstalledModels = 50;
    public const int DevicesPerSilo = 2;
    public const int WarmModelsPerDevice = 4;
    public const int SlotsPerDevice = 2;
    private const long GiB = 1024L * 1024 * 1024;
    private const long DeviceBudget = 8 * GiB;
    private const long ColdModelBytes = 5 * GiB;

    /// <summary>Silos (by index) whose first device holds <see cref="WarmModel"/> warm.</summary>
    public static readonly int[] WarmModelSilos = [2, 7, 11];

    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private PlacementCluster(ClusterResidencyView view, ModelPopularity popularity, PlacementLedger ledger, SiloAddress[] silos)
    {
        View = view;
        Popularity = popularity;
        Ledger = ledger;
        Silos = silos;
    }

    public ClusterResidencyView View { get; }

    public ModelPopularity Popularity { get; }

    public PlacementLedger Ledger { get; }

    /// <summary>The compatible silos Orleans would hand the director.</summary>
    public SiloAddress[] Silos { get; }

    public WarmModelPlacementDirector Director() => new(View, Popularity, Ledger);

    /// <summary>One line saying what the view holds, so a reader can check the scenario behind the numbers.</summary>
    public string Describe()
    {
        var devices = View.Silos.SelectMany(s => s.Snapshot.Devices).ToList();
        var warmSilos = View.Silos.Where(s => s.Presence(WarmModel).WarmDevices > 0).ToList();
        var queued = View.Silos.Sum(s => s.Snapshot.Devices.Sum(d => Math.Max(0, d.Models.Sum(m => m.ActiveJobs) - d.BusySlots)));
        return string.Create(CultureInfo.InvariantCulture,
            $"placement-view silos={View.Silos.Count} devices={devices.Count} installed_per_silo={InstalledModels} " +
            $"warm_models_per_device={devices.Average(d => d.Models.Length):F1} busy_slots={devices.Sum(d => d.BusySlots)}/{devices.Sum(d => d.Slots)} " +
            $"queued_jobs={queued} warm_model_silos={warmSilos.Count} of_which_with_free_slot={warmSilos.Count(s => s.Presence(WarmModel).FreeSlotsOnWarm > 0)} " +
            $"cold_model_fits_without_eviction={devices.Count(d => d.FreeMemoryBytes >= ColdModelBytes)}");
    }

    public static PlacementCluster Build(int seed = 42)
    {
        var random = new Random(seed);
        var models = ModelIds();
        var installed = models.Select((m, i) => (m, i)).ToImmutableDictionary(p => p.m, p => MemoryOf(p.m, p.i), StringComparer.Ordinal);
        var ledger = new PlacementLedger(TimeProvider.System);
        var view = new ClusterResidencyView(ledger);
        var popularity = new ModelPopularity(TimeProvider.System, ModelPopularity.DefaultHalfLife);
        ObserveZipfDemand(popularity, models);

        var silos = new SiloAddress[SiloCount];
        for (var s = 0; s < SiloCount; s++)
        {
            silos[s] = SiloAddress.New(IPAddress.Parse($"10.0.0.{s + 1}"), 11111, 1);
            var workerId = $"worker-{s:D2}";
            var devices = Enumerable.Range(0, DevicesPerSilo)
                .Select(d => Device($"{workerId}/{d}", PickResident(random, models, forceWarm: d == 0 && WarmModelSilos.Contains(s)), installed, random))
                .ToImmutableArray();
            view.Apply(new SiloResidencySnapshot(silos[s], workerId, 1, [], installed, devices));
        }

        return new PlacementCluster(view, popularity, ledger, silos);
    }

    private static List<string> ModelIds()
    {
        var ids = new List<string> { WarmModel, ColdModel };
        for (var i = ids.Count; i < InstalledModels; i++) ids.Add($"org-{i % 7}/model-{i:D2}");
        return ids;
    }

    // 1 or 2 GiB, so 4 models leave at most 4 GiB free; the cold model (5 GiB) needs an eviction on every device.
    private static long MemoryOf(string modelId, int index) => modelId == ColdModel ? ColdModelBytes : (1 + index % 2) * GiB;

    private static void ObserveZipfDemand(ModelPopularity popularity, List<string> models)
    {
        for (var rank = 0; rank < models.Count; rank++)
        {
            var requests = (int)Math.Ceiling(1000 / Math.Pow(rank + 1, 1.1));
            for (var i = 0; i < requests; i++) popularity.Observe(models[rank]);
        }
    }

    private static List<string> PickResident(Random random, List<string> models, bool forceWarm)
    {
        var picked = forceWarm ? new List<string> { WarmModel } : [];
        while (picked.Count < WarmModelsPerDevice)
        {
            var candidate = models[random.Next(models.Count)];
            if (candidate is not (WarmModel or ColdModel) && !picked.Contains(candidate)) picked.Add(candidate);
        }

        return picked;
    }

    private static DeviceStatus Device(string key, List<string> modelIds, ImmutableDictionary<string, long> installed, Random random)
    {
        var busy = random.Next(SlotsPerDevice + 1);

        // Jobs running or waiting per model: the busy slots plus, on some saturated devices, a short queue.
        var active = new int[modelIds.Count];
        var queued = busy == SlotsPerDevice && random.Next(3) == 0 ? 1 + random.Next(4) : 0;
        for (var job = 0; job < busy + queued; job++) active[random.Next(active.Length)]++;

        var resident = new List<ResidentModel>();
        long reserved = 0;
        for (var i = 0; i < modelIds.Count; i++)
        {
            var memory = installed[modelIds[i]];
            reserved += memory;
            resident.Add(new ResidentModel(modelIds[i], ModelState.Warm, memory, active[i], Now.AddSeconds(-random.Next(3600)), Pinned: false));
        }

        return new DeviceStatus(key, "cuda", DeviceBudget, reserved, SlotsPerDevice, busy, [.. resident], 0, 0, 0);
    }
}
