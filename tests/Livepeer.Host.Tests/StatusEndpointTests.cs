using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace Livepeer.Host.Tests;

/// <summary>The all-in-one host over real HTTP: health probes, and a status page showing the warm-at-start model.</summary>
public sealed class StatusEndpointTests
{
    [Fact]
    public async Task Status_AllInOneHost_ShowsTheWarmModelAndTheOrchestrator()
    {
        var configuration = new HostConfiguration();
        await using var app = InProcessHost.Build(configuration);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{configuration.HttpPort}") };

        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var status = await WaitForWarmModelAsync(http);
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var device = status.GetProperty("devices")[0];
        Assert.Equal("worker-test/0", device.GetProperty("deviceKey").GetString());
        var model = device.GetProperty("models")[0];
        Assert.Equal("upscalerjs/esrgan-slim-x4", model.GetProperty("modelId").GetString());
        Assert.Equal("warm", model.GetProperty("state").GetString());
        Assert.True(model.GetProperty("pinned").GetBoolean());
        var orchestrator = status.GetProperty("orchestrator");
        Assert.Equal(configuration.Orchestrator, orchestrator.GetProperty("address").GetString());
        Assert.Equal(4, orchestrator.GetProperty("capabilities").GetArrayLength());

        // The embedded default has no chain: winning tickets would be kept, and redemption says it is not configured.
        var redemption = status.GetProperty("redemption");
        Assert.False(redemption.GetProperty("configured").GetBoolean());
        Assert.Equal(0, redemption.GetProperty("redeemed").GetInt64());
    }

    private static async Task<JsonElement> WaitForWarmModelAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/status", UriKind.Relative)));
            var devices = document.RootElement.GetProperty("devices");
            if (devices.GetArrayLength() > 0 && devices[0].GetProperty("models").EnumerateArray().Any(m => m.GetProperty("state").GetString() == "warm"))
                return document.RootElement.Clone();
            await Task.Delay(50);
        }

        throw new TimeoutException("The warm-at-start model never became warm.");
    }
}
