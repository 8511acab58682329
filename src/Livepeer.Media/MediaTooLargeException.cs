namespace Livepeer.Media;

/// <summary>The media exceeds a size limit (maps to HTTP 413 Content Too Large).</summary>
public sealed class MediaTooLargeException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public MediaTooLargeException()
        : base("Media is too large.")
    {
    }

    /// <summary>Creates the exception with a message that says what was wrong.</summary>
    public MediaTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the decoder error behind it.</summary>
    public MediaTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
