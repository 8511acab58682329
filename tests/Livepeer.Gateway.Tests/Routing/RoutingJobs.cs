using System.Collections.Immutable;
using Livepeer.Contracts;
using Livepeer.Pipelines;

namespace Livepeer.Gateway.Tests.Routing;

/// <summary>Jobs as the upscale endpoint builds them.</summary>
internal static class RoutingJobs
{
    public static JobRequest Upscale(int size = 8) =>
        new(Guid.NewGuid().ToString("N"), PipelineNames.Upscale, RoutingCluster.Model, ImmutableDictionary<string, string>.Empty.Add("seed", "1"), TestImages.Png(size, size));

    /// <summary>A job the worker must refuse as the client's fault: the bytes are not an image.</summary>
    public static JobRequest Broken() =>
        new(Guid.NewGuid().ToString("N"), PipelineNames.Upscale, RoutingCluster.Model, ImmutableDictionary<string, string>.Empty, [1, 2, 3, 4]);

    /// <summary>Which orchestrator served each result: worker w{i} serves orchestrator i.</summary>
    public static string OrchestratorOf(JobResult result) =>
        RoutingCluster.Orchestrator(int.Parse(result.DeviceKey.AsSpan(1, result.DeviceKey.IndexOf('/', StringComparison.Ordinal) - 1), System.Globalization.CultureInfo.InvariantCulture));
}
