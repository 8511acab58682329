using Livepeer.Api;

namespace Livepeer.Client;

/// <summary>An asynchronous image-to-video job as <see cref="LivepeerClient.GetImageToVideoResultAsync"/> found it.</summary>
/// <param name="State">Running, succeeded or failed.</param>
/// <param name="Video">The video when <see cref="AsyncJobState.Succeeded"/>, as the synchronous call answers it; otherwise null.</param>
/// <param name="ErrorMessage">Why it failed when <see cref="AsyncJobState.Failed"/> (this gateway gives the synchronous call's error message, go-livepeer "Internal Server Error"); otherwise null.</param>
public sealed record ImageToVideoStatus(AsyncJobState State, VideoResponse? Video = null, string? ErrorMessage = null)
{
    /// <summary>Whether the job has finished, one way or the other.</summary>
    public bool IsComplete => State != AsyncJobState.Processing;
}
