using System.Diagnostics;
using Livepeer.Contracts;
using Livepeer.Gateway.Hosting;
using Livepeer.Gateway.Http;
using Livepeer.Grains.Payments;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livepeer.Gateway.Routing;

/// <summary>
/// Runs a job on the best orchestrator, retrying on another one within the pipeline's deadline. Only failures that are
/// the orchestrator's count against it (the client's own 400s and payment refusals never do); capacity refusals just
/// move on. A priced job is paid for before it is sent (<see cref="GatewayPayments"/>); only a completed job's fee is spent.
/// </summary>
internal sealed partial class JobDispatcher(
    OrchestratorSelector selector,
    OrchestratorBook book,
    IGrainFactory grains,
    GatewayPayments payments,
    IOptions<AiGatewayOptions> options,
    TimeProvider time,
    ILogger<JobDispatcher> logger)
{
    public async Task<JobResult> DispatchAsync(JobRequest job, CancellationToken requestAborted)
    {
        var settings = options.Value;
        var deadline = settings.Deadline(job.Pipeline);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        budget.CancelAfter(deadline);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var paymentRetried = new HashSet<string>(StringComparer.Ordinal);
        long? units = null; // read from the request (an image header for some pipelines) only when a priced offer is tried
        Exception? lastFailure = null;
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            var selection = selector.Select(job.Pipeline, job.ModelId, tried, Random.Shared);
            if (selection.Offer is not { } offer)
                throw NoOrchestrator(job, selection.Reason, lastFailure, settings.RetryAfterSeconds);

            tried.Add(offer.Address);
            book.Started(offer.Address);
            var started = time.GetTimestamp();
            var sender = offer.Capability.PricePerUnit > 0 ? payments.For(offer.Address) : null;
            var paid = false;
            try
            {
                var header = sender is null ? "" : await sender.PrepareAsync(new JobPaymentRequest(job.JobId, job.Pipeline, job.ModelId, units ??= FeeUnits.Estimate(job.Pipeline, job.Parameters, job.Input)), budget.Token);
                paid = sender is not null;
                var result = await grains.GetGrain<IOrchestratorGrain>(offer.Address).SubmitJobAsync(job with { Payment = header }, budget.Token);
                if (sender is not null)
                {
                    paid = false;
                    await sender.SettleAsync(job.JobId, result.Units, CancellationToken.None);
                }

                book.Succeeded(offer.Address, job.Pipeline, job.ModelId, time.GetElapsedTime(started), result.Units);
                return result;
            }
            catch (JobFailedException e) when (e.Kind == JobErrorKind.InvalidInput)
            {
                // The request is wrong wherever it runs: tell the client, blame nobody.
                throw new ApiProblemException(StatusCodes.Status400BadRequest, e.Message);
            }
            catch (JobFailedException e) when (e.Kind is JobErrorKind.CapacityExhausted or JobErrorKind.NotOffered or JobErrorKind.NoWorker)
            {
                // The orchestrator answered: it cannot take this job now (full, not offered, or no worker holds the model,
                // e.g. while a lost worker is replaced). Try another without suspending it, so that it serves again the
                // moment it can; suspending the only orchestrator would stretch a worker's replacement by the suspension.
                lastFailure = e;
            }
            catch (JobFailedException e) when (IsPaymentRefusal(e.Kind))
            {
                // Payment terms are between this gateway and the orchestrator, not the orchestrator's fault: clear the
                // credit believed to be there, fetch new ticket parameters, and give it one more try before moving on.
                lastFailure = e;
                if (paid && sender is not null)
                {
                    paid = false;
                    await sender.RefusedAsync(job.JobId, CancellationToken.None);
                    if (paymentRetried.Add(offer.Address)) tried.Remove(offer.Address);
                }

                LogPaymentRefused(logger, job.JobId, offer.Address, e.Message);
            }
            catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (budget.IsCancellationRequested)
            {
                throw new ApiProblemException(StatusCodes.Status504GatewayTimeout, $"{job.Pipeline} did not finish within the {deadline.TotalSeconds:0.#} s deadline.", innerException: e);
            }
            catch (Exception e)
            {
                lastFailure = e;
                if (book.Failed(offer.Address, settings.SuspendAfterFailures, settings.Suspension) is { } suspension)
                    LogSuspended(logger, offer.Address, suspension.TotalSeconds, e.Message);
                LogAttemptFailed(logger, job.JobId, attempt, offer.Address, e.Message);
            }
            finally
            {
                // A job that did not complete spent nothing: its staged credit goes back.
                if (paid && sender is not null) await sender.SettleAsync(job.JobId, null, CancellationToken.None);
                book.Finished(offer.Address);
            }
        }

        throw new ApiProblemException(
            StatusCodes.Status503ServiceUnavailable,
            $"No orchestrator completed the {job.Pipeline} job after {settings.MaxAttempts} attempts; last error: {lastFailure?.Message}",
            settings.RetryAfterSeconds);
    }

    private static ApiProblemException NoOrchestrator(JobRequest job, NoOrchestratorReason reason, Exception? lastFailure, int retryAfter)
    {
        var what = $"{job.Pipeline} with model '{job.ModelId}'";
        var message = reason switch
        {
            NoOrchestratorReason.NotOffered => $"No orchestrator offers {what}.",
            NoOrchestratorReason.AboveMaxPrice => $"Every orchestrator offering {what} is above this gateway's max price.",
            NoOrchestratorReason.Suspended => $"Every orchestrator offering {what} is suspended after failures.",
            _ => $"Every orchestrator offering {what} is busy.",
        };
        if (lastFailure is not null) message += $" Last error: {lastFailure.Message}";
        return new ApiProblemException(StatusCodes.Status503ServiceUnavailable, message, retryAfter);
    }

    private static bool IsPaymentRefusal(JobErrorKind kind) =>
        kind is JobErrorKind.PaymentRequired or JobErrorKind.PaymentRejected or JobErrorKind.InsufficientBalance;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: orchestrator {Address} refused the payment: {Reason}")]
    private static partial void LogPaymentRefused(ILogger logger, string jobId, string address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orchestrator {Address} suspended for {Seconds} s after repeated failures (last: {Reason})")]
    private static partial void LogSuspended(ILogger logger, string address, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} attempt {Attempt} on {Address} failed: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, string jobId, int attempt, string address, string reason);
}
