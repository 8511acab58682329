namespace Livepeer.Media;

/// <summary>ffmpeg is missing or failed to encode; the message carries the end of ffmpeg's standard error.</summary>
public sealed class VideoEncodingException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public VideoEncodingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public VideoEncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public VideoEncodingException()
    {
    }
}
