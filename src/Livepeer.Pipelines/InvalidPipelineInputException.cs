namespace Livepeer.Pipelines;

/// <summary>The job's input does not fit the model (the caller's fault, not the worker's).</summary>
public sealed class InvalidPipelineInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidPipelineInputException(string message) : base(message)
    {
    }
}
