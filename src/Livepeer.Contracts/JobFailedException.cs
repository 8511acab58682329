namespace Livepeer.Contracts;

/// <summary>A job was refused or failed for a reason the gateway can map to a status and a message.</summary>
[GenerateSerializer, Alias("livepeer.job-failed")]
public sealed class JobFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JobFailedException(JobErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    /// <summary>Why the job failed.</summary>
    [Id(0)]
    public JobErrorKind Kind { get; }
}
