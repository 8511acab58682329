namespace Livepeer.Grains.Devices;

/// <summary>The worker role: this silo's devices and installed models. Section <c>Livepeer:Worker</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Livepeer:Worker";

    /// <summary>Worker id, unique in the cluster; device grains are keyed <c>{Id}/{index}</c>. Default: the machine name.</summary>
    public string Id { get; set; } = Environment.MachineName.ToLowerInvariant();

    /// <summary>Folder of installed models (each a sub-folder with a <c>manifest.json</c>). Default <c>models</c>.</summary>
    public string ModelsPath { get; set; } = "models";

    /// <summary>Devices of this worker. Default: one CPU device with 2048 MiB and 1 slot.</summary>
    public List<DeviceOptions> Devices { get; set; } = [];

    /// <summary>Orchestrator addresses this worker serves; empty (default) serves every orchestrator in the cluster.</summary>
    public List<string> Orchestrators { get; set; } = [];

    /// <summary>The configured devices, or the single default CPU device when none is configured.</summary>
    internal IReadOnlyList<DeviceOptions> EffectiveDevices => Devices.Count > 0 ? Devices : [new DeviceOptions()];
}
