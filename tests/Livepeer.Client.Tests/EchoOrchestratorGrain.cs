using System.Collections.Immutable;
using Livepeer.Contracts;

namespace Livepeer.Client.Tests;

/// <summary>A stand-in orchestrator: answers with its own key, or fails when the pipeline is <c>fail</c>.</summary>
internal sealed class EchoOrchestratorGrain : Grain, IOrchestratorGrain
{
    public Task ConfigureAsync(OrchestratorConfiguration configuration, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<OrchestratorInfo> GetInfoAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<JobResult> SubmitJobAsync(JobRequest job, CancellationToken cancellationToken = default)
    {
        if (job.Pipeline == "fail") throw new JobFailedException(JobErrorKind.InvalidInput, "bad input");
        return Task.FromResult(new JobResult(
            [new JobArtifact(job.Input, "image/png", 1, false)],
            ImmutableDictionary<string, string>.Empty.Add("orchestrator", this.GetPrimaryKeyString()).Add("job", job.JobId),
            Units: 1,
            DeviceKey: "test/0",
            Silo: SiloAddress.Zero,
            ColdStart: false,
            RunTime: TimeSpan.Zero));
    }
}
