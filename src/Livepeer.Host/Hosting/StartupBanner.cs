using Livepeer.Grains.Devices;
using Livepeer.Grains.Orchestration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Livepeer.Host.Hosting;

/// <summary>Prints what this process serves once it has started: roles, silo, HTTP addresses, offers and devices.</summary>
internal sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    HostRoleInfo roles,
    ILocalSiloDetails silo,
    IServiceProvider services,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var roleNames = roles.Roles.ToString();
        var siloName = silo.SiloAddress.ToString();
        var urlList = string.Join(", ", urls);
        LogReady(logger, roleNames, siloName, urlList);
        foreach (var url in urls)
        {
            LogEndpoints(logger, url);
            if (roles.Roles.HasFlag(HostRole.Gateway))
                LogApi(logger, url);
        }

        if (roles.Roles.HasFlag(HostRole.Orchestrator))
        {
            var options = services.GetRequiredService<IOptions<OrchestratorOptions>>().Value;
            foreach (var model in AiModelsFile.Load(options.AiModelsPath))
                LogOffer(logger, options.Address, model.Pipeline, model.ModelId, model.Warm, model.Capacity, model.PricePerUnit, model.Currency, model.PixelsPerUnit);
        }

        if (services.GetService<IWorkerSilo>() is { } worker)
        {
            foreach (var (index, device) in worker.Devices)
                LogDevice(logger, worker.Id, index, device.Kind, device.MemoryMb, device.Slots);
            foreach (var model in worker.Models.Models.Values)
                LogModel(logger, worker.Id, model.Id, model.Manifest.Family, model.Manifest.MemoryBytes / (1024 * 1024));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Livepeer.Orleans ready: roles {Roles}, silo {Silo}, HTTP {Urls}")]
    private static partial void LogReady(ILogger logger, string roles, string silo, string urls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Url}/healthz, {Url}/health and {Url}/status")]
    private static partial void LogEndpoints(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Livepeer AI API at {Url}/ (POST /upscale, /text-to-image, … also under /api/beta/generate; OpenAPI at {Url}/openapi.json)")]
    private static partial void LogApi(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Orchestrator {Address} offers {Pipeline} {ModelId}: warm {Warm}, capacity {Capacity}, {Price} {Currency} per {PixelsPerUnit} units")]
    private static partial void LogOffer(ILogger logger, string address, string pipeline, string modelId, bool warm, int capacity, decimal price, string currency, long pixelsPerUnit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Worker} device {Index}: {Kind}, {MemoryMb} MiB, {Slots} slots")]
    private static partial void LogDevice(ILogger logger, string worker, int index, string kind, long memoryMb, int slots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Worker} has model {ModelId} installed ({Family}, {MemoryMb} MiB)")]
    private static partial void LogModel(ILogger logger, string worker, string modelId, string family, long memoryMb);
}
