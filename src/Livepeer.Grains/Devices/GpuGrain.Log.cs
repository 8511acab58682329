using Microsoft.Extensions.Logging;

namespace Livepeer.Grains.Devices;

internal sealed partial class GpuGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId} warm on {Device} ({Provider}) after {Milliseconds:F0} ms")]
    private static partial void LogWarm(ILogger logger, string modelId, string device, string provider, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evicted model {ModelId} from {Device}")]
    private static partial void LogEvicted(ILogger logger, string modelId, string device);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {ModelId} failed to load on {Device}")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, string modelId, string device);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} failed on model {ModelId} on {Device}")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string jobId, string modelId, string device);
}
