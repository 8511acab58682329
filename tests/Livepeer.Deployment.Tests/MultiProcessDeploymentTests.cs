using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Livepeer.Media;
using Livepeer.Testing;
using Xunit.Abstractions;

namespace Livepeer.Deployment.Tests;

/// <summary>
/// The deployment Kubernetes would run, minus Kubernetes: PostgreSQL plus separate gateway, orchestrator and worker
/// processes started from the role files and the prod manifests' environment. A paid request goes through over HTTP;
/// the worker is SIGKILLed and another takes its place; the next request succeeds and the orchestrator's state carries on.
/// </summary>
[Collection(PostgresServer.CollectionName)]
public sealed class MultiProcessDeploymentTests(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private readonly string media = Directory.CreateTempSubdirectory("livepeer-deployment-media-").FullName;

    public void Dispose() => Directory.Delete(media, recursive: true);

    [Theory]
    [InlineData("gateway", "livepeer-gateway")]
    [InlineData("orchestrator", "livepeer-orchestrator")]
    [InlineData("worker", "livepeer-worker")]
    public async Task ProcessEnvironment_IsTheProdPodsMinusWhatOnlyKubernetesOrOnePodPerIpNeeds(string role, string workload)
    {
        var rendered = await RenderedOverlay.LoadAsync("prod");
        var pod = rendered.Silos.Single(s => s.Workload == workload).Silo.Env.Select(e => e.Name)
            .Except(DeploymentCluster.KubernetesOnlyVariables).Order(StringComparer.Ordinal);

        var process = DeploymentCluster.Environment(role, "Host=x", 1, "w", "/m").Keys
            .Except(DeploymentCluster.LoopbackOnlyVariables).Order(StringComparer.Ordinal);

        Assert.Equal(pod, process);
    }

    [Fact]
    public async Task ThreeRoleProcesses_ServeAPaidRequest_ThenAReplacementWorkerTakesTrafficAfterAKill()
    {
        var database = await postgres.CreateDatabaseAsync("deployment");
        var started = Stopwatch.StartNew();
        await using var cluster = DeploymentCluster.Start(HostBuild.Dll, database, media, "livepeer-worker-0");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(120));
        var first = await FirstSuccessAsync(http, cluster, TimeSpan.FromSeconds(120));
        output.WriteLine($"cold start to the first successful request: {started.ElapsedMilliseconds} ms");
        var before = await OrchestratorCountersAsync(http, cluster);
        using (var result = await http.GetAsync(new Uri(cluster.GatewayUrl, first.GetProperty("images")[0].GetProperty("url").GetString())))
            Assert.Equal(HttpStatusCode.OK, result.StatusCode);

        // A crashed container restarted in its pod (same address): the new silo supersedes the dead one at once.
        var killed = Stopwatch.StartNew();
        cluster.ReplaceWorker("livepeer-worker-0", sameEndpoints: true);
        await FirstSuccessAsync(http, cluster, TimeSpan.FromSeconds(120));
        output.WriteLine($"worker killed to the first successful request after its restart in place: {killed.ElapsedMilliseconds} ms");

        // A replacement elsewhere (new address): the dead silo must first be found dead by probing.
        killed.Restart();
        cluster.ReplaceWorker("livepeer-worker-1", sameEndpoints: false);
        await FirstSuccessAsync(http, cluster, TimeSpan.FromSeconds(150));
        output.WriteLine($"worker killed to the first successful request on its replacement elsewhere: {killed.ElapsedMilliseconds} ms");
        var after = await OrchestratorCountersAsync(http, cluster);
        var replacement = await StatusAsync(http, new Uri($"http://127.0.0.1:{cluster.Worker.HttpPort}"));

        // The orchestrator kept its counters and priced capability through the loss of its only worker.
        Assert.True(after.Completed >= before.Completed + 2, $"jobs completed went from {before.Completed} to {after.Completed}:\n{cluster.Output}");
        Assert.True(after.Units > before.Units);
        var device = replacement.GetProperty("devices")[0];
        Assert.Equal("livepeer-worker-1/0", device.GetProperty("deviceKey").GetString());
        Assert.True(device.GetProperty("jobsRun").GetInt64() >= 1);
    }

    /// <summary>Posts an upscale to the gateway until one succeeds (503s and 504s while the cluster settles are retried).</summary>
    private static async Task<JsonElement> FirstSuccessAsync(HttpClient http, DeploymentCluster cluster, TimeSpan timeout)
    {
        var body = await cluster.PostUntilOkAsync(http, "/upscale", Upscale, timeout);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static MultipartFormDataContent Upscale()
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent("sharper"), "prompt");
        var image = new ByteArrayContent(ImageCodec.EncodePng(new RgbImage(24, 16, new byte[24 * 16 * 3])));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "image", "in.png");
        return form;
    }

    private static async Task<(long Completed, long Units)> OrchestratorCountersAsync(HttpClient http, DeploymentCluster cluster)
    {
        var orchestrator = (await StatusAsync(http, cluster.OrchestratorUrl)).GetProperty("orchestrator");
        return (orchestrator.GetProperty("jobsCompleted").GetInt64(), orchestrator.GetProperty("unitsProduced").GetInt64());
    }

    private static async Task<JsonElement> StatusAsync(HttpClient http, Uri host)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(host, "/status")));
        return document.RootElement.Clone();
    }
}
