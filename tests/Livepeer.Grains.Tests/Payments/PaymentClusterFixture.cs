using Livepeer.Contracts;
using Livepeer.Grains.Hosting;
using Livepeer.Grains.Payments;
using Livepeer.Grains.Tests.Cluster;
using Livepeer.Payments.Chain;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Livepeer.Grains.Tests.Payments;

/// <summary>
/// One worker silo that also hosts the orchestrator, with payments on both sides: <see cref="Model"/> is offered at
/// <see cref="PricePerPixel"/> wei per pixel, tickets are worth <see cref="TicketExpectedValue"/> wei with a 1-in-4 win
/// chance. Off chain unless a derived fixture points <see cref="ChainOptions"/> at a node.
/// </summary>
public class PaymentClusterFixture : IAsyncLifetime
{
    public const string Orchestrator = "0x00000000000000000000000000000000000000d1";
    public const string Model = "paid-model";
    public const string FreeModel = "free-model";
    public const long PricePerPixel = 10;
    public const long TicketExpectedValue = 1000;
    private readonly string modelsRoot = Directory.CreateTempSubdirectory("livepeer-payments-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>();

    public IOrchestratorGrain OrchestratorGrain => Grains.GetGrain<IOrchestratorGrain>(Orchestrator);

    public IGpuGrain Device => Grains.GetGrain<IGpuGrain>("pw/0");

    public virtual async Task InitializeAsync()
    {
        Cluster = await TestClusters.StartAsync([new WorkerSpec("pw", 1024, 2, [Model, FreeModel])], modelsRoot, silo =>
        {
            silo.UseInMemoryReminderService();
            silo.Services.AddLivepeerPaymentRecipient();
            silo.Services.AddLivepeerPaymentSender();
            silo.Services.Configure<RecipientPaymentOptions>(o =>
            {
                o.TicketExpectedValue = TicketExpectedValue;
                o.MaxFaceValue = 4 * TicketExpectedValue;
                o.RedeemInterval = TimeSpan.FromMilliseconds(200);
                o.RetryInterval = TimeSpan.FromMilliseconds(200);
                o.SenderFundsCacheTime = TimeSpan.FromMilliseconds(1);
            });
            silo.Services.Configure<ChainOptions>(ConfigureChain);
        });
        await OrchestratorGrain.ConfigureAsync(new OrchestratorConfiguration(Orchestrator,
        [
            new ModelCapability("upscale", Model, false, 64, PricePerPixel, 1, "wei", "default"),
            new ModelCapability("upscale", FreeModel, false, 64, 0, 1, "wei", "default"),
        ]));
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(modelsRoot, recursive: true);
        await DisposeChainAsync();
    }

    /// <summary>Chain settings of a derived fixture; none here (off chain).</summary>
    protected virtual void ConfigureChain(ChainOptions options)
    {
    }

    protected virtual Task DisposeChainAsync() => Task.CompletedTask;
}
