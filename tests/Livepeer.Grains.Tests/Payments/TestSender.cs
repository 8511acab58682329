using Livepeer.Contracts;
using Livepeer.Grains.Payments;
using Livepeer.Payments;
using Nethereum.Signer;

namespace Livepeer.Grains.Tests.Payments;

/// <summary>A gateway built by hand from the payments library, so tests can send payments a real gateway never would.</summary>
internal sealed class TestSender(IOrchestratorGrain orchestrator, EthECKey? key = null)
{
    public EthECKey Key { get; } = key ?? EthECKey.GenerateKey();

    public EthAddress Address => EthAddress.Parse(Key.GetPublicAddress());

    /// <summary>The address as grain keys write it.</summary>
    public string Id => TicketWire.KeyOf(Address);

    /// <summary>Fresh parameters from the orchestrator, as a session signing with this sender's key.</summary>
    public async Task<PaymentSession> SessionAsync(string model = PaymentClusterFixture.Model)
    {
        var (parameters, expiration, price) = TicketWire.FromOffer(await orchestrator.GetTicketParamsAsync(Id, "upscale", model));
        return new PaymentSession(Key, parameters, expiration, price);
    }

    /// <summary>Runs <paramref name="job"/> with <paramref name="payment"/> attached.</summary>
    public Task<JobResult> SubmitAsync(JobRequest job, Payment payment) =>
        orchestrator.SubmitJobAsync(job with { Payment = PaymentHeader.Encode(payment) });
}
