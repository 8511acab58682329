using System.Collections.Immutable;
using Livepeer.Contracts;
using Livepeer.Media;
using Livepeer.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Livepeer.Host.Tests;

/// <summary>A whole cluster on PostgreSQL (clustering, grain state, reminders) stops and starts again.</summary>
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresPersistenceTests(PostgresServer postgres)
{
    private const string Orchestrator = "0x5f0e3bd1a3c6f1d1a4c3d8b7e2f0a9c8b7d6e5f4";
    private const string Model = "livepeer/tiny-upscaler-x2";

    [Fact]
    public async Task OrchestratorState_SurvivesWholeClusterRestart()
    {
        var database = await postgres.CreateDatabaseAsync("restart");

        // First life: all roles; the orchestrator is configured from aiModels.json and runs jobs.
        var first = new HostConfiguration { PostgresConnectionString = database };
        await using (var app = InProcessHost.Build(first))
        {
            await app.StartAsync();
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            for (var i = 0; i < 5; i++)
                await PaidJobs.SubmitAsync(app.Services, Orchestrator, Job());
            await app.StopAsync();
        }

        // Second life: no orchestrator role, so nothing re-reads aiModels.json: what it knows comes from PostgreSQL.
        var second = new HostConfiguration { PostgresConnectionString = database, Roles = "gateway,worker" };
        await using (var app = InProcessHost.Build(second))
        {
            await app.StartAsync();
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            var info = await grains.GetGrain<IOrchestratorGrain>(Orchestrator).GetInfoAsync();

            Assert.Equal(5, info.JobsCompleted);
            Assert.Equal(5 * 8 * 8, info.UnitsProduced);
            Assert.Contains(info.Capabilities, c => c.Capability.ModelId == Model && !c.Capability.Warm && c.Capability.Capacity == 8);
            Assert.Contains(info.Capabilities, c => c.Capability.ModelId == "upscalerjs/esrgan-slim-x4" && c.Capability.Warm);
            var result = await PaidJobs.SubmitAsync(app.Services, Orchestrator, Job());
            Assert.Equal(64, result.Units);
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Host_EmptyDatabase_CreatesSchemaItself()
    {
        var database = await postgres.CreateDatabaseAsync("fresh");
        var configuration = new HostConfiguration { PostgresConnectionString = database };

        await using var app = InProcessHost.Build(configuration);
        await app.StartAsync();
        var hosts = await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        await app.StopAsync();

        Assert.Single(hosts);
    }

    /// <summary>An upscale job for the bundled model: an 8×8 PNG in, as the gateway sends it.</summary>
    internal static JobRequest Job()
    {
        var png = ImageCodec.EncodePng(new RgbImage(8, 8, Enumerable.Repeat((byte)128, 8 * 8 * 3).ToArray()));
        return new JobRequest(Guid.NewGuid().ToString("N"), "upscale", Model, ImmutableDictionary<string, string>.Empty.Add("seed", "1"), png);
    }
}
