namespace Livepeer.Contracts;

/// <summary>What an orchestrator asks a sender's account before it admits a priced job.</summary>
/// <param name="JobId">The job; its fee is held under this id until it is settled or released.</param>
/// <param name="Capability"><c>{pipeline}/{model}</c>: balances are kept per capability.</param>
/// <param name="PricePerUnit">The orchestrator's price for the capability, wei per <paramref name="PixelsPerUnit"/> units.</param>
/// <param name="PixelsPerUnit">Units the price is for.</param>
/// <param name="Payment">The <c>Livepeer-Payment</c> header value.</param>
/// <param name="EstimatedUnits">Units the job will produce, from the request; the fee held.</param>
[GenerateSerializer, Immutable, Alias("livepeer.job-admission")]
public sealed record JobAdmission(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Capability,
    [property: Id(2)] long PricePerUnit,
    [property: Id(3)] long PixelsPerUnit,
    [property: Id(4)] string Payment,
    [property: Id(5)] long EstimatedUnits);
