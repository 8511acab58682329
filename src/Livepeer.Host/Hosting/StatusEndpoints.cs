using System.Text.Json;
using System.Text.Json.Serialization;
using Livepeer.Contracts;
using Livepeer.Gateway.Hosting;
using Livepeer.Grains.Orchestration;
using Microsoft.Extensions.Options;

namespace Livepeer.Host.Hosting;

/// <summary>Health probes and a JSON status page of this silo and the cluster as it sees it.</summary>
public static class StatusEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The health probe paths (200 once the silo is active in its cluster, else 503), for liveness and readiness probes.</summary>
    public static IReadOnlyList<string> HealthPaths { get; } = ["/healthz", "/health"];

    /// <summary>Maps <c>GET /healthz</c>, <c>GET /health</c> and <c>GET /status</c>, and with the gateway role the AI API.</summary>
    public static WebApplication MapLivepeerStatus(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<HostRoleInfo>().Roles.HasFlag(HostRole.Gateway)) app.MapLivepeerGateway();
        foreach (var path in HealthPaths) app.MapGet(path, Health);
        app.MapGet("/status", StatusAsync);
        return app;
    }

    private static IResult Health(IClusterMembershipService membership, ILocalSiloDetails silo) =>
        membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active
            ? Results.Json(new { status = "OK" })
            : Results.Json(new { status = "STARTING" }, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> StatusAsync(
        HostRoleInfo roles, ILocalSiloDetails silo, IClusterMembershipService membership, IGrainFactory grains,
        IServiceProvider services, CancellationToken cancellationToken)
    {
        var members = membership.CurrentSnapshot.Members.Values
            .Select(m => new { silo = m.SiloAddress.ToString(), name = m.Name, status = m.Status.ToString() })
            .ToList();
        var devices = new List<DeviceStatus>();
        var workers = services.GetService<Livepeer.Grains.Devices.IWorkerSilo>();
        if (workers is not null)
        {
            foreach (var key in workers.DeviceKeys)
                devices.Add(await grains.GetGrain<IGpuGrain>(key).GetStatusAsync(cancellationToken));
        }

        OrchestratorInfo? orchestrator = null;
        object? redemption = null;
        if (roles.Roles.HasFlag(HostRole.Orchestrator) &&
            services.GetService<IOptions<OrchestratorOptions>>()?.Value.Address is { Length: > 0 } address)
        {
            orchestrator = await grains.GetGrain<IOrchestratorGrain>(address.ToLowerInvariant()).GetInfoAsync(cancellationToken);

            // Winning tickets: how many wait (and why the first one does), and what was redeemed; off chain it says "not configured".
            var queue = await grains.GetGrain<IRedemptionGrain>(address.ToLowerInvariant()).GetStatusAsync(cancellationToken);
            redemption = new
            {
                configured = queue.Configured,
                pending = queue.Pending.Length,
                waitingBecause = queue.Pending.FirstOrDefault()?.LastError,
                redeemed = queue.Redeemed,
                redeemedFaceValue = queue.RedeemedFaceValue,
                transferred = queue.Transferred,
            };
        }

        return Results.Json(
            new
            {
                silo = silo.SiloAddress.ToString(),
                roles = roles.Roles.ToString(),
                cluster = members,
                devices,
                orchestrator,
                redemption,
            },
            Json);
    }
}
