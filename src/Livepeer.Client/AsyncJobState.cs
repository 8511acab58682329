namespace Livepeer.Client;

/// <summary>Where a job started in the gateway's asynchronous mode stands.</summary>
public enum AsyncJobState
{
    /// <summary>Still running: poll again later.</summary>
    Processing,

    /// <summary>Finished with a result.</summary>
    Succeeded,

    /// <summary>Finished with an error.</summary>
    Failed,
}
