using Livepeer.Pipelines;

namespace Livepeer.Grains.Devices;

/// <summary>This silo's worker role as the host sees it (registered only on worker silos).</summary>
public interface IWorkerSilo
{
    /// <summary>The worker id.</summary>
    string Id { get; }

    /// <summary>Device grain keys of this worker, in index order.</summary>
    IEnumerable<string> DeviceKeys { get; }

    /// <summary>Configured devices by index.</summary>
    IReadOnlyDictionary<int, DeviceOptions> Devices { get; }

    /// <summary>Installed models.</summary>
    ModelStore Models { get; }
}
