using System.Globalization;
using Livepeer.Gateway.Routing;
using Livepeer.ModelBuilder;
using Livepeer.Pipelines;
using Livepeer.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Livepeer.Gateway.Tests;

/// <summary>
/// The real host (<c>Program</c>) with all three roles in one silo, on free ports, with two tiny upscalers installed:
/// <c>test/upscaler-x2</c> (the gateway's default for upscale, warm at start) and <c>test/upscaler-x4</c> (cold), and a
/// tiny Stable Diffusion model <c>test/tiny-sd</c> (cold) for text-to-image and image-to-image, and a tiny Stable Video
/// Diffusion model <c>test/tiny-svd</c> (cold, 6 frames) for image-to-video.
/// Tests talk to it over the in-memory test server; the silo itself is real.
/// </summary>
public class GatewayFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Orchestrator = "0x00000000000000000000000000000000000000b1";
    public const string DefaultModel = "test/upscaler-x2";
    public const string OtherModel = "test/upscaler-x4";
    public const string DiffusionModel = "test/tiny-sd";
    public const string VideoModel = "test/tiny-svd";
    public const int VideoFrames = 6;
    public const long MaxImageBytes = 256 * 1024;
    public const int MaxImagePixels = 1024 * 1024;
    public const long TicketExpectedValue = 1000;
    public const long DefaultModelPrice = 10;

    private readonly string root = Directory.CreateTempSubdirectory("livepeer-gateway-tests-").FullName;

    /// <summary>Extra settings of a derived fixture (bearer token, deadlines…).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var models = Path.Combine(root, "models");
        ModelFolders.WriteTinyUpscaler(models, DefaultModel, new TinyUpscalerSpec { Scale = 2, HiddenChannels = 4, HiddenLayers = 0 }, 64L << 20, ModelFamilies.OnnxUpscaler);
        ModelFolders.WriteTinyUpscaler(models, OtherModel, new TinyUpscalerSpec { Scale = 4, HiddenChannels = 4, HiddenLayers = 0 }, 64L << 20, ModelFamilies.OnnxUpscaler);
        TinyDiffusionFolder.Write(models, DiffusionModel, new TinyDiffusionSpec { SafetyChecker = true }, new Dictionary<string, string> { ["scheduler"] = "euler_a", ["timestep_spacing"] = "trailing" });
        TinyVideoDiffusionFolder.Write(models, VideoModel, new TinyVideoDiffusionSpec { Frames = VideoFrames });
        await File.WriteAllTextAsync(Path.Combine(root, "aiModels.json"), $$"""
            [
              { "pipeline": "image-to-video", "model_id": "{{VideoModel}}", "capacity": 2, "price_per_unit": 1 },
              { "pipeline": "text-to-image", "model_id": "{{DiffusionModel}}", "capacity": 2, "price_per_unit": 1 },
              { "pipeline": "image-to-image", "model_id": "{{DiffusionModel}}", "capacity": 2, "price_per_unit": 1 },
              { "pipeline": "upscale", "model_id": "{{DefaultModel}}", "warm": true, "capacity": 16, "price_per_unit": {{DefaultModelPrice}} },
              { "pipeline": "upscale", "model_id": "{{OtherModel}}", "capacity": 4, "price_per_unit": 20 }
            ]
            """);

        // Building the server starts the host: silo, route refresher, warm-at-start load.
        _ = Server;
        await WaitForRoutesAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Livepeer:Roles"] = "all",
            ["Livepeer:Cluster:ClusterId"] = "gateway-tests-" + Guid.NewGuid().ToString("N")[..8],
            ["Livepeer:Cluster:SiloPort"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["Livepeer:Cluster:GatewayPort"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["Livepeer:Storage:Provider"] = "memory",
            ["Livepeer:Orchestrator:Address"] = Orchestrator,
            ["Livepeer:Orchestrator:AiModelsPath"] = Path.Combine(root, "aiModels.json"),
            ["Livepeer:Orchestrator:KeepWarmInterval"] = "00:00:01",
            ["Livepeer:Worker:Id"] = "gw-worker",
            ["Livepeer:Worker:ModelsPath"] = Path.Combine(root, "models"),
            ["Livepeer:Worker:Devices:0:Kind"] = "cpu",
            ["Livepeer:Worker:Devices:0:MemoryMb"] = "1024",
            ["Livepeer:Worker:Devices:0:Slots"] = "2",
            ["Livepeer:Gateway:DefaultModels:upscale"] = DefaultModel,
            ["Livepeer:Gateway:MediaRoot"] = Path.Combine(root, "media"),
            ["Livepeer:Gateway:DiscoveryInterval"] = "00:00:00.200",
            ["Livepeer:Gateway:MaxImageBytes"] = MaxImageBytes.ToString(CultureInfo.InvariantCulture),
            ["Livepeer:Gateway:MaxImagePixels"] = MaxImagePixels.ToString(CultureInfo.InvariantCulture),
            // Small tickets with a 1-in-4 win chance, so a few hundred jobs carry hundreds of tickets and dozens of winners.
            ["Livepeer:Orchestrator:Payments:TicketExpectedValue"] = TicketExpectedValue.ToString(CultureInfo.InvariantCulture),
            ["Livepeer:Orchestrator:Payments:MaxFaceValue"] = (4 * TicketExpectedValue).ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in ExtraSettings) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>Waits until the gateway's background discovery sees the warm default model.</summary>
    private async Task WaitForRoutesAsync()
    {
        var routes = Services.GetRequiredService<RouteTableHolder>();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (routes.Current.OffersFor(PipelineNames.Upscale, DefaultModel).Any(o => o.Warm)) return;
            await Task.Delay(50);
        }

        throw new TimeoutException("The gateway never discovered the warm default model.");
    }
}
