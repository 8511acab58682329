namespace Livepeer.Contracts;

/// <summary>What a gateway pays an orchestrator for before it sends the job.</summary>
/// <param name="JobId">The job; the credit used is staged under this id until the job is settled.</param>
/// <param name="Pipeline">Pipeline of the job.</param>
/// <param name="ModelId">Model of the job.</param>
/// <param name="EstimatedUnits">Units the job will produce, from the request (the fee it pays for).</param>
[GenerateSerializer, Immutable, Alias("livepeer.job-payment-request")]
public sealed record JobPaymentRequest(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Pipeline,
    [property: Id(2)] string ModelId,
    [property: Id(3)] long EstimatedUnits);
