using Livepeer.Contracts;
using Livepeer.Grains.Payments;
using Livepeer.Pipelines;
using Microsoft.Extensions.DependencyInjection;

namespace Livepeer.Host.Tests;

/// <summary>Submits a job to an orchestrator as the gateway role does: paid for first with the host's payment sender, settled after.</summary>
internal static class PaidJobs
{
    public static async Task<JobResult> SubmitAsync(IServiceProvider services, string orchestrator, JobRequest job)
    {
        var sender = services.GetRequiredService<GatewayPayments>().For(orchestrator);
        var header = await sender.PrepareAsync(new JobPaymentRequest(job.JobId, job.Pipeline, job.ModelId, FeeUnits.Estimate(job.Pipeline, job.Parameters, job.Input)));
        try
        {
            var result = await services.GetRequiredService<IGrainFactory>().GetGrain<IOrchestratorGrain>(orchestrator).SubmitJobAsync(job with { Payment = header });
            await sender.SettleAsync(job.JobId, result.Units);
            return result;
        }
        catch
        {
            await sender.SettleAsync(job.JobId, null);
            throw;
        }
    }
}
