namespace Livepeer.Gateway.Routing;

/// <summary>Why no orchestrator could take a request; each becomes a 503 with its own message.</summary>
internal enum NoOrchestratorReason
{
    /// <summary>No orchestrator offers the pipeline with this model.</summary>
    NotOffered,

    /// <summary>Every offer is above the gateway's max price.</summary>
    AboveMaxPrice,

    /// <summary>Every affordable orchestrator is suspended after failures.</summary>
    Suspended,

    /// <summary>Every affordable orchestrator is at capacity (or was already tried).</summary>
    Busy,
}
