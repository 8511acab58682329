namespace Livepeer.Media;

/// <summary>The media is not in a supported format or is corrupt (maps to HTTP 415 Unsupported Media Type).</summary>
public sealed class UnsupportedMediaException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public UnsupportedMediaException()
        : base("Unsupported or corrupt media.")
    {
    }

    /// <summary>Creates the exception with a message that says what was wrong.</summary>
    public UnsupportedMediaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the decoder error behind it.</summary>
    public UnsupportedMediaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
