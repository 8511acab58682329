namespace Livepeer.Pipelines.Sources;

/// <summary>A model source could not deliver its files; the message names the source, the file and what to do.</summary>
public sealed class ModelSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelSourceException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
