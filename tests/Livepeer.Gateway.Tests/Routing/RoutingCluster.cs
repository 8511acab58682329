using System.Globalization;
using Livepeer.Contracts;
using Livepeer.Gateway.Hosting;
using Livepeer.Gateway.Routing;
using Livepeer.Grains;
using Livepeer.Grains.Devices;
using Livepeer.Grains.Hosting;
using Livepeer.Grains.Payments;
using Livepeer.ModelBuilder;
using Livepeer.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Livepeer.Gateway.Tests.Routing;

/// <summary>
/// A real cluster with several orchestrators, each with a worker silo of its own (Silo_0 holds the orchestrator
/// grains and plays the gateway), and the gateway's routing parts wired to it exactly as the host wires them.
/// </summary>
internal sealed class RoutingCluster : IAsyncDisposable
{
    public const string Model = "route/m";
    private readonly string modelsRoot;

    private RoutingCluster(InProcessTestCluster cluster, string modelsRoot, AiGatewayOptions options)
    {
        Cluster = cluster;
        this.modelsRoot = modelsRoot;
        Grains = cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();
        Options = options;
        var time = TimeProvider.System;
        var optionsValue = Microsoft.Extensions.Options.Options.Create(options);
        Book = new OrchestratorBook(time);
        var selector = new OrchestratorSelector(Routes, Book, optionsValue);
        Refresher = new RouteRefresher(Grains, Routes, Book, optionsValue, time, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), NullLogger<RouteRefresher>.Instance);
        Payments = new GatewayPayments(Grains, cluster.Silos[0].ServiceProvider.GetRequiredService<SenderAccount>());
        Dispatcher = new JobDispatcher(selector, Book, Grains, Payments, optionsValue, time, NullLogger<JobDispatcher>.Instance);
    }

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains { get; }

    public AiGatewayOptions Options { get; }

    public RouteTableHolder Routes { get; } = new();

    public OrchestratorBook Book { get; }

    public RouteRefresher Refresher { get; }

    public JobDispatcher Dispatcher { get; }

    /// <summary>The gateway's payment senders (Silo_0 signs with a throwaway key, as the embedded default does).</summary>
    public GatewayPayments Payments { get; }

    /// <summary>Orchestrator address of worker <paramref name="index"/> (0-based).</summary>
    public static string Orchestrator(int index) => "0x" + (0xc0 + index).ToString("x2", CultureInfo.InvariantCulture).PadLeft(40, '0');

    /// <summary>Starts Silo_0 plus one worker silo per orchestrator; the model is installed on every worker.</summary>
    public static async Task<RoutingCluster> StartAsync(int orchestrators, TinyUpscalerSpec spec, AiGatewayOptions? options = null)
    {
        var root = Directory.CreateTempSubdirectory("livepeer-routing-").FullName;
        for (var i = 0; i < orchestrators; i++)
            ModelFolders.WriteTinyUpscaler(Path.Combine(root, $"w{i}"), Model, spec, 64L << 20, ModelFamilies.OnnxUpscaler);

        var builder = new InProcessTestClusterBuilder((short)(orchestrators + 1));
        builder.Options.ConfigureFileLogging = false;
        builder.Options.AssumeHomogenousSilosForTesting = false;
        builder.ConfigureSilo((silo, sb) =>
        {
            sb.AddMemoryGrainStorage(LivepeerStorage.Name);
            sb.UseInMemoryReminderService();
            sb.Services.AddLivepeerPaymentSender();
            sb.Services.AddLivepeerPaymentRecipient();
            sb.Configure<ClusterMembershipOptions>(m =>
            {
                m.ProbeTimeout = TimeSpan.FromMilliseconds(500);
                m.NumMissedProbesLimit = 2;
                m.NumVotesForDeathDeclaration = 1;
            });
            var index = int.Parse(silo.SiloName.AsSpan("Silo_".Length), CultureInfo.InvariantCulture) - 1;
            if (index < 0 || index >= orchestrators)
            {
                sb.AddLivepeerCluster();
                return;
            }

            sb.AddLivepeerWorker(w =>
            {
                w.Id = $"w{index}";
                w.ModelsPath = Path.Combine(root, $"w{index}");
                w.Orchestrators = [Orchestrator(index)];
                w.Devices = [new DeviceOptions { Kind = "cpu", MemoryMb = 512, Slots = 2 }];
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new RoutingCluster(cluster, root, options ?? new AiGatewayOptions { MaxAttempts = 4 });
    }

    /// <summary>(Re)configures orchestrator <paramref name="index"/>'s offer of the model, then lets discovery see it.</summary>
    public async Task OfferAsync(int index, decimal price, int capacity, bool warm)
    {
        await Grains.GetGrain<IOrchestratorGrain>(Orchestrator(index)).ConfigureAsync(new OrchestratorConfiguration(
            Orchestrator(index), [new ModelCapability(PipelineNames.Upscale, Model, warm, capacity, price, 1, "wei", "default")]));
        if (warm) await Grains.GetGrain<IGpuGrain>($"w{index}/0").LoadModelAsync(Model, pinned: true);
    }

    /// <summary>Refreshes routes until every orchestrator with a worker shows up (workers publish their devices asynchronously).</summary>
    public async Task RefreshAsync(int expectedOrchestrators)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await Refresher.RefreshAsync(CancellationToken.None);
            if (Routes.Current.OffersFor(PipelineNames.Upscale, Model).Length == expectedOrchestrators) return;
            await Task.Delay(25);
        }

        throw new TimeoutException($"Discovery never saw {expectedOrchestrators} offers.");
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(modelsRoot, recursive: true);
    }
}
