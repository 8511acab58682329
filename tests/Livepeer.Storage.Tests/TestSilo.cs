using System.Net;
using Livepeer.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Livepeer.Storage.Tests;

/// <summary>
/// A real silo host on loopback TCP with ADO.NET clustering, grain storage and reminders, all on
/// one PostgreSQL database, exactly as production would configure them (Invariant "Npgsql").
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    public const string StorageName = "pg";
    public const string DeletingStorageName = "pg-delete";
    public const string ServiceId = "livepeer-storage-tests";

    private TestSilo(IHost host, int siloPort, int gatewayPort)
    {
        Host = host;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public IHost Host { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => Host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static async Task<TestSilo> StartAsync(string connectionString, string clusterId, string? siloName = null)
    {
        var siloPort = FreeTcpPort.Next();
        var gatewayPort = FreeTcpPort.Next();
        var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleans(silo =>
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
                silo.AddAdoNetGrainStorage(StorageName, o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
                silo.AddAdoNetGrainStorage(DeletingStorageName, o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                    o.DeleteStateOnClear = true;
                });
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
                silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = ServiceId;
                });
                if (siloName is not null)
                {
                    silo.Configure<SiloOptions>(o => o.SiloName = siloName);
                }

                silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
            })
            .Build();

        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestSilo(host, siloPort, gatewayPort);
    }

    /// <summary>An external client that finds the gateways through the membership table.</summary>
    public static async Task<IHost> StartClientAsync(string connectionString, string clusterId)
    {
        var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleansClient(client =>
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                });
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = clusterId;
                    o.ServiceId = ServiceId;
                });
            })
            .Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    private bool stopped;

    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            Host.Dispose();
        }
    }
}
