using Microsoft.Extensions.Logging;

namespace Livepeer.Media;

public sealed partial class FileSystemMediaStore
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Media cleanup deleted {Files} expired files under {Root}")]
        public static partial void CleanedUp(ILogger logger, int files, string root);

        [LoggerMessage(2, LogLevel.Warning, "Media cleanup under {Root} failed")]
        public static partial void CleanupFailed(ILogger logger, string root, Exception exception);

        [LoggerMessage(3, LogLevel.Warning, "Could not delete media file {Path}")]
        public static partial void DeleteFailed(ILogger logger, string path, Exception exception);
    }
}
