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
    public const string Model = "paid-model";
    public const string FreeModel = "free-model";
    private readonly string modelsRoot = Directory.CreateTempSubdirectory("livepeer-payments-").FullName;

    /// <summary>The orchestrator's address (lower-case).</summary>
    public virtual string Orchestrator => "0x00000000000000000000000000000000000000d1";

    /// <summary>Wei per pixel of <see cref="Model"/>.</summary>
    public virtual long PricePerPixel => 10;

    /// <summary>The orchestrator's target ticket EV in wei; face values are capped at <see cref="FaceValueMultiple"/> times it.</summary>
    public virtual long TicketExpectedValue => 1000;

    /// <summary>Face value / EV: 4, a 1-in-4 win chance.</summary>
    public virtual int FaceValueMultiple => 4;

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
                o.MaxFaceValue = FaceValueMultiple * TicketExpectedValue;
                o.RedeemInterval = TimeSpan.FromMilliseconds(200);
                o.RetryInterval = TimeSpan.FromMilliseconds(200);
                o.SenderFundsCacheTime = TimeSpan.FromMilliseconds(1);
            });
            silo.Services.Configure<ChainOptions>(ConfigureChain);
            silo.Services.Configure<SenderPaymentOptions>(ConfigureSender);
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

    /// <summary>The gateway side's settings of a derived fixture; defaults here (a throwaway key).</summary>
    protected virtual void ConfigureSender(SenderPaymentOptions options)
    {
    }

    /// <summary>Chain settings of a derived fixture; none here (off chain).</summary>
    protected virtual void ConfigureChain(ChainOptions options)
    {
    }

    protected virtual Task DisposeChainAsync() => Task.CompletedTask;
}
