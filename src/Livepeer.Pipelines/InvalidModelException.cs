namespace Livepeer.Pipelines;

/// <summary>A model folder, manifest or file is missing or corrupt; the message names the file.</summary>
public sealed class InvalidModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidModelException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
