using System.Diagnostics;
using Livepeer.Contracts;
using Livepeer.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Livepeer.Host.Tests;

/// <summary>Two real host processes join one cluster through PostgreSQL; a job crosses from one to the other.</summary>
[Collection(PostgresServer.CollectionName)]
public sealed class MultiProcessClusterTests(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("livepeer-multiprocess-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task TwoProcesses_JoinOneCluster_AndAJobRunsOnTheWorkerProcess()
    {
        var database = await postgres.CreateDatabaseAsync("twoproc");
        // A free offer: this test is about two processes sharing a job; a bare cluster client has no gateway key to pay with.
        var aiModels = Path.Combine(directory, "aiModels.json");
        await File.WriteAllTextAsync(aiModels, """[ { "pipeline": "upscale", "model_id": "livepeer/tiny-upscaler-x2", "capacity": 8, "price_per_unit": 0 } ]""");
        var orchestrator = new HostConfiguration { PostgresConnectionString = database, Roles = "gateway,orchestrator", AiModelsPath = aiModels };
        var worker = new HostConfiguration { PostgresConnectionString = database, Roles = "worker", WorkerId = "worker-b" };
        var started = Stopwatch.StartNew();
        await using var orchestratorProcess = HostProcess.Start(HostBuild.Dll, orchestrator.WriteFile(directory), orchestrator.HttpPort);
        await using var workerProcess = HostProcess.Start(HostBuild.Dll, worker.WriteFile(directory), worker.HttpPort);
        await orchestratorProcess.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        await workerProcess.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        output.WriteLine($"both processes healthy after {started.ElapsedMilliseconds} ms");

        using var client = await ConnectClientAsync(database);
        output.WriteLine($"client connected after {started.ElapsedMilliseconds} ms");
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var result = await SubmitWhenReadyAsync(grains);
        output.WriteLine($"cold start to first job: {started.ElapsedMilliseconds} ms");

        Assert.Equal(2, hosts.Count);
        Assert.Contains(hosts.Keys, h => h.Endpoint.Port == worker.SiloPort);
        Assert.Equal(worker.SiloPort, result.Silo.Endpoint.Port);
        Assert.Equal("worker-b/0", result.DeviceKey);
        await client.StopAsync();
    }

    private static async Task<IHost> ConnectClientAsync(string database)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = "livepeer-test";
                o.ServiceId = "livepeer";
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = database;
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>The worker may join a moment after the orchestrator; until its snapshot arrives the orchestrator answers NoWorker.</summary>
    private static async Task<JobResult> SubmitWhenReadyAsync(IGrainFactory grains)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await grains.GetGrain<IOrchestratorGrain>("0x5f0e3bd1a3c6f1d1a4c3d8b7e2f0a9c8b7d6e5f4").SubmitJobAsync(PostgresPersistenceTests.Job());
            }
            catch (JobFailedException e) when (e.Kind == JobErrorKind.NoWorker && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
            }
        }
    }
}
