using Microsoft.Extensions.Logging;

namespace Livepeer.Gateway.Http;

internal sealed partial class AsyncJobRegistry
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Asynchronous {Pipeline} job {RequestId} accepted")]
        public static partial void Accepted(ILogger logger, string pipeline, string requestId);

        [LoggerMessage(2, LogLevel.Debug, "Asynchronous {Pipeline} job {RequestId} completed")]
        public static partial void Completed(ILogger logger, string pipeline, string requestId);

        [LoggerMessage(3, LogLevel.Information, "Asynchronous {Pipeline} job {RequestId} failed with {StatusCode}: {Reason}")]
        public static partial void Failed(ILogger logger, string pipeline, string requestId, int statusCode, string reason);

        [LoggerMessage(4, LogLevel.Error, "Asynchronous {Pipeline} job {RequestId} failed unexpectedly")]
        public static partial void Unexpected(ILogger logger, Exception exception, string pipeline, string requestId);

        [LoggerMessage(5, LogLevel.Warning, "Asynchronous {Pipeline} job refused: {Capacity} jobs are held already")]
        public static partial void Full(ILogger logger, string pipeline, int capacity);
    }
}
