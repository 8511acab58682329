using Livepeer.Contracts;
using Livepeer.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nethereum.Signer;
using Orleans.Configuration;

namespace Livepeer.Client.Cluster;

/// <summary>An Orleans client connected to a Livepeer.Orleans cluster, for programs that submit jobs to orchestrators directly rather than over HTTP.</summary>
public sealed class LivepeerCluster : IAsyncDisposable
{
    private const int ConnectAttempts = 5;
    private static readonly TimeSpan ConnectRetryDelay = TimeSpan.FromSeconds(1);

    private readonly IHost host;
    private ClusterPayments? payments;

    private LivepeerCluster(IHost host)
    {
        this.host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The connected Orleans client, for any grain call.</summary>
    public IClusterClient Client { get; }

    /// <summary>Connects to a cluster on this machine that uses localhost clustering (the all-in-one default).</summary>
    /// <remarks>When no gateway answers, connecting gives up after 5 attempts a second apart, with Orleans' <c>ConnectionFailedException</c>.</remarks>
    /// <param name="gatewayPort">The silo's Orleans gateway port. Default 30000.</param>
    /// <param name="serviceId">The cluster's service id. Default <c>livepeer</c>.</param>
    /// <param name="clusterId">The cluster id. Default <c>livepeer-local</c>.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    public static Task<LivepeerCluster> ConnectLocalhostAsync(
        int gatewayPort = 30000,
        string serviceId = "livepeer",
        string clusterId = "livepeer-local",
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gatewayPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gatewayPort, 65535);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        return ConnectAsync(client => client.UseLocalhostClustering(gatewayPort, serviceId, clusterId), cancellationToken);
    }

    /// <summary>Connects to a cluster whose membership is in PostgreSQL (ADO.NET clustering, invariant <c>Npgsql</c>).</summary>
    /// <remarks>When no gateway answers, connecting gives up after 5 attempts a second apart.</remarks>
    /// <param name="connectionString">The membership database.</param>
    /// <param name="serviceId">The cluster's service id.</param>
    /// <param name="clusterId">The cluster id.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    public static Task<LivepeerCluster> ConnectPostgresAsync(
        string connectionString,
        string serviceId,
        string clusterId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        return ConnectAsync(
            client => client
                .Configure<ClusterOptions>(o =>
                {
                    o.ServiceId = serviceId;
                    o.ClusterId = clusterId;
                })
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = connectionString;
                }),
            cancellationToken);
    }

    /// <summary>Submits <paramref name="job"/> to the orchestrator with that Ethereum address and waits for its result.</summary>
    /// <param name="orchestratorAddress">The orchestrator's address (<c>0x…</c>, any letter case).</param>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    /// <exception cref="JobFailedException">The orchestrator refused the job or it failed.</exception>
    public Task<JobResult> SubmitAsync(string orchestratorAddress, JobRequest job, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorAddress);
        ArgumentNullException.ThrowIfNull(job);

        // Orchestrator grains are keyed by the lower-case address; a checksummed (mixed-case) address names the same one.
        var address = orchestratorAddress.Trim().ToLowerInvariant();
        var orchestrator = Client.GetGrain<IOrchestratorGrain>(address);
        return payments is null ? orchestrator.SubmitJobAsync(job, cancellationToken) : payments.SubmitAsync(orchestrator, address, job, cancellationToken);
    }

    /// <summary>
    /// Pays for priced jobs from now on with probabilistic tickets signed by <paramref name="key"/>, as a gateway does
    /// (credit kept per orchestrator and capability in this process; a failed job's credit stays yours). Free
    /// capabilities are still sent without payment. Without a key, priced jobs are refused with
    /// <see cref="JobErrorKind.PaymentRequired"/>.
    /// </summary>
    /// <param name="key">The paying account's key; its address is what orchestrators credit.</param>
    /// <param name="limits">Most you pay per ticket and per payment; go-livepeer's defaults when null.</param>
    /// <returns>This client.</returns>
    public LivepeerCluster PayWith(EthECKey key, SenderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        payments = new ClusterPayments(key, limits ?? new SenderLimits(), TimeProvider.System);
        return this;
    }

    /// <summary>Disconnects from the cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            host.Dispose();
        }
    }

    private static async Task<LivepeerCluster> ConnectAsync(Action<IClientBuilder> configure, CancellationToken cancellationToken)
    {
        // A bare HostBuilder: no console logging or configuration files of its own inside the caller's program.
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                configure(client);

                // Orleans' default filter keeps retrying for minutes; a helper that connects should say soon that nothing is there.
                var failures = 0;
                client.UseConnectionRetryFilter(async (_, token) =>
                {
                    if (++failures >= ConnectAttempts) return false;
                    await Task.Delay(ConnectRetryDelay, token).ConfigureAwait(false);
                    return true;
                });
            })
            .Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return new LivepeerCluster(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
