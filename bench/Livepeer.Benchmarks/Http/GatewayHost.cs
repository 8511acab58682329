using System.Globalization;
using Livepeer.Host.Hosting;
using Livepeer.ModelBuilder;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Livepeer.Benchmarks.Http;

/// <summary>
/// The real host with all roles (gateway, orchestrator, worker) on loopback, wired exactly as Program.cs wires it, with
/// the same tiny model installed twice: <see cref="FreeModelId"/> at price 0 (the gateway's default for upscale) and
/// <see cref="ModelId"/> at 1 wei per pixel, paid with tickets, off chain as in the embedded default.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    public const string Orchestrator = "0x00000000000000000000000000000000000000d1";
    public const string ModelId = "bench/tiny-image";
    public const string FreeModelId = "bench/tiny-free";
    public const string VideoModelId = "bench/tiny-video";

    private readonly WebApplication app;
    private readonly string root;

    private GatewayHost(WebApplication app, string root, Uri baseAddress)
    {
        this.app = app;
        this.root = root;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => app.Services;

    /// <summary>
    /// Starts the host; <paramref name="settings"/> are added last (e.g. the orchestrator's ticket EV). With
    /// <paramref name="video"/>, a tiny SVD model is offered too, free and warm, as <see cref="VideoModelId"/>.
    /// </summary>
    public static async Task<GatewayHost> StartAsync(int slots, IReadOnlyDictionary<string, string>? settings = null, TinyVideoDiffusionSpec? video = null)
    {
        var root = Path.Combine(Path.GetTempPath(), $"livepeer-bench-http-{Environment.ProcessId}");
        foreach (var model in new[] { ModelId, FreeModelId })
            ModelFolders.WriteTinyUpscaler(Path.Combine(root, "models"), model, new TinyUpscalerSpec { HiddenChannels = 4, HiddenLayers = 0 }, 64L << 20, ModelFamilies.OnnxUpscaler);
        var videoOffer = "";
        if (video is not null)
        {
            TinyVideoDiffusionFolder.Write(Path.Combine(root, "models"), VideoModelId, video);
            videoOffer = $$"""{ "pipeline": "image-to-video", "model_id": "{{VideoModelId}}", "warm": true, "capacity": 100, "price_per_unit": 0 },""";
        }

        var aiModels = Path.Combine(root, "aiModels.json");
        await File.WriteAllTextAsync(aiModels, $$"""
            [
              {{videoOffer}}
              { "pipeline": "upscale", "model_id": "{{ModelId}}", "warm": true, "capacity": 100000, "price_per_unit": 1 },
              { "pipeline": "upscale", "model_id": "{{FreeModelId}}", "warm": true, "capacity": 100000, "price_per_unit": 0 }
            ]
            """);

        var port = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Livepeer:Roles"] = "all",
            ["Livepeer:Cluster:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Livepeer:Cluster:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Livepeer:Orchestrator:Address"] = Orchestrator,
            ["Livepeer:Orchestrator:AiModelsPath"] = aiModels,
            ["Livepeer:Worker:Id"] = "bench-http",
            ["Livepeer:Worker:ModelsPath"] = Path.Combine(root, "models"),
            ["Livepeer:Worker:Devices:0:Slots"] = slots.ToString(CultureInfo.InvariantCulture),
            ["Livepeer:Gateway:DefaultModels:upscale"] = FreeModelId,
            ["Livepeer:Gateway:MediaRoot"] = Environment.GetEnvironmentVariable("BENCH_MEDIA_ROOT") ?? Path.Combine(root, "media"),
            ["Livepeer:Gateway:MediaRetention"] = "00:01:00",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddLivepeerSilo();
        var app = builder.Build();
        app.ValidateLivepeerOptions();
        app.MapLivepeerStatus();
        await app.StartAsync();
        return new GatewayHost(app, root, new Uri($"http://127.0.0.1:{port}"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
