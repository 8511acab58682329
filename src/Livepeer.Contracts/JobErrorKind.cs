namespace Livepeer.Contracts;

/// <summary>Why a job was refused or failed; each kind maps to one HTTP status at the gateway.</summary>
public enum JobErrorKind
{
    /// <summary>The orchestrator does not offer this pipeline and model (HTTP 503 with a reason).</summary>
    NotOffered = 0,

    /// <summary>Every slot the orchestrator advertises for this model is taken (HTTP 503, retry elsewhere).</summary>
    CapacityExhausted = 1,

    /// <summary>No worker silo can run the model right now: none installed it, none is up, or none has memory (HTTP 503).</summary>
    NoWorker = 2,

    /// <summary>The request itself is wrong (HTTP 400); the orchestrator is not to blame.</summary>
    InvalidInput = 3,

    /// <summary>The model could not be loaded (HTTP 500).</summary>
    ModelLoadFailed = 4,

    /// <summary>The pipeline failed while running (HTTP 500).</summary>
    Internal = 5,

    /// <summary>The job was cancelled by its caller.</summary>
    Cancelled = 6,

    /// <summary>The job is priced and came without a payment, or with a header that does not parse (go-livepeer answers 402).</summary>
    PaymentRequired = 7,

    /// <summary>The payment was refused: a ticket error such as a bad signature, a replayed nonce or expired parameters; no work was done.</summary>
    PaymentRejected = 8,

    /// <summary>The sender's credit does not cover the job's fee ("Insufficient balance"); no work was done.</summary>
    InsufficientBalance = 9,
}
