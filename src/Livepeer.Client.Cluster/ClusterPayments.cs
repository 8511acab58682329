using Livepeer.Contracts;
using Livepeer.Payments;
using Livepeer.Pipelines;
using Nethereum.Signer;

namespace Livepeer.Client.Cluster;

/// <summary>
/// Pays orchestrators from a cluster client with the client's own key, as a gateway does: one <see cref="PaymentSender"/>
/// per orchestrator, one job at a time each (nonces have one writer). The client has no chain view, so it reckons the
/// L1 block from the last parameters' issue block plus 12 s per block (Ethereum's slot time), which only ever makes it
/// refresh parameters early.
/// </summary>
internal sealed class ClusterPayments(EthECKey key, SenderLimits limits, TimeProvider time)
{
    private const int RefreshBlocks = 3;
    private static readonly TimeSpan BlockTime = TimeSpan.FromSeconds(12);
    private readonly Dictionary<string, Payer> payers = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public string Sender { get; } = key.GetPublicAddress().ToLowerInvariant();

    public async Task<JobResult> SubmitAsync(IOrchestratorGrain orchestrator, string address, JobRequest job, CancellationToken cancellationToken)
    {
        // Free capabilities take no payment; asking costs one call, cheaper than tickets nobody needs.
        var info = await orchestrator.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        if (!info.Capabilities.Any(c => c.Capability.Pipeline == job.Pipeline && c.Capability.ModelId == job.ModelId && c.Capability.PricePerUnit > 0))
            return await orchestrator.SubmitJobAsync(job, cancellationToken).ConfigureAwait(false);

        Payer payer;
        lock (gate)
        {
            if (!payers.TryGetValue(address, out payer!))
                payers[address] = payer = new Payer(new PaymentSender(key, limits, RefreshBlocks));
        }

        var units = FeeUnits.Estimate(job.Pipeline, job.Parameters, job.Input);
        Payment payment;
        await payer.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            payment = await payer.Sender.PrepareAsync(
                job.JobId, $"{job.Pipeline}/{job.ModelId}", units, payer.LastSeenL1Block(time), deposit: null,
                ct => payer.NewSessionAsync(orchestrator, Sender, job, key, time, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (PaymentRefusedException e)
        {
            throw new JobFailedException(JobErrorKind.PaymentRejected, $"This client will not pay orchestrator {address} on its terms: {e.Message}");
        }
        finally
        {
            payer.Turn.Release();
        }

        JobResult? result = null;
        try
        {
            result = await orchestrator.SubmitJobAsync(job with { Payment = PaymentHeader.Encode(payment) }, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (JobFailedException e) when (e.Kind is JobErrorKind.PaymentRequired or JobErrorKind.PaymentRejected or JobErrorKind.InsufficientBalance)
        {
            await payer.WithTurnAsync(p => p.Refused(job.JobId)).ConfigureAwait(false);
            throw;
        }
        finally
        {
            // Completed: the fee of the units produced is spent; failed: the credit stays this client's.
            if (result is not null) await payer.WithTurnAsync(p => p.Settle(job.JobId, result.Units)).ConfigureAwait(false);
            else await payer.WithTurnAsync(p => p.Settle(job.JobId, null)).ConfigureAwait(false);
        }
    }

    private sealed class Payer(PaymentSender sender)
    {
        private long issuedAtBlock;
        private DateTimeOffset issuedAt;

        public PaymentSender Sender { get; } = sender;

        public SemaphoreSlim Turn { get; } = new(1, 1);

        public long LastSeenL1Block(TimeProvider time) =>
            issuedAt == default ? 0 : issuedAtBlock + (long)Math.Ceiling((time.GetUtcNow() - issuedAt) / BlockTime);

        public async Task<PaymentSession> NewSessionAsync(IOrchestratorGrain orchestrator, string sender, JobRequest job, EthECKey key, TimeProvider time, CancellationToken cancellationToken)
        {
            var offer = await orchestrator.GetTicketParamsAsync(sender, job.Pipeline, job.ModelId, cancellationToken).ConfigureAwait(false);
            var (parameters, expiration, price) = PaymentHeader.ReadTicketOffer(offer.OrchestratorInfo);
            (issuedAtBlock, issuedAt) = (offer.LastSeenL1Block, time.GetUtcNow());
            return new PaymentSession(key, parameters, expiration, price);
        }

        public async Task WithTurnAsync(Func<PaymentSender, bool> action)
        {
            await Turn.WaitAsync().ConfigureAwait(false);
            try
            {
                action(Sender);
            }
            finally
            {
                Turn.Release();
            }
        }
    }
}
