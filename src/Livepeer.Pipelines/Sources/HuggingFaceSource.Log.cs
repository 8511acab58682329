using Microsoft.Extensions.Logging;

namespace Livepeer.Pipelines.Sources;

public sealed partial class HuggingFaceSource
{
    internal static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Hugging Face repository {Repo} at {Revision} is commit {Commit}: {Files} files, {Bytes} bytes")]
        public static partial void Resolved(ILogger logger, string repo, string revision, string commit, int files, long bytes);

        [LoggerMessage(2, LogLevel.Information, "Hugging Face repository {Repo} at commit {Commit} is already in {Folder}")]
        public static partial void UpToDate(ILogger logger, string repo, string commit, string folder);

        [LoggerMessage(3, LogLevel.Debug, "{File} is already present and intact")]
        public static partial void Present(ILogger logger, string file);

        [LoggerMessage(4, LogLevel.Information, "Downloading {File} ({Size} bytes) from byte {Offset}")]
        public static partial void Downloading(ILogger logger, string file, long size, long offset);

        [LoggerMessage(5, LogLevel.Warning, "Download of {File} broke off at byte {Offset} of {Size} ({Reason}); resuming")]
        public static partial void Interrupted(ILogger logger, string file, long offset, long size, string reason);

        [LoggerMessage(6, LogLevel.Warning, "The server ignored the request to resume {File} at byte {Offset}; downloading it from the start")]
        public static partial void RangeIgnored(ILogger logger, string file, long offset);

        [LoggerMessage(7, LogLevel.Debug, "{Path} redirected to {Origin}")]
        public static partial void Redirected(ILogger logger, string path, string origin);

        [LoggerMessage(8, LogLevel.Warning, "Could not delete {Path}, left from an earlier download")]
        public static partial void LeftoverNotDeleted(ILogger logger, string path, Exception exception);
    }
}
