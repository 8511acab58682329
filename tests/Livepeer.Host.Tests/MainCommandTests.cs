using System.Globalization;
using Livepeer.Api;
using Livepeer.Client;
using Livepeer.Media;
using Livepeer.Testing;

namespace Livepeer.Host.Tests;

/// <summary>
/// The README's main command as a new user runs it: the host from the repository root with the default
/// silo-config/all-in-one.json and the bundled models (only the ports moved, so tests never collide with a
/// developer's running network), called over real HTTP with the .NET client.
/// </summary>
public sealed class MainCommandTests
{
    [Fact]
    public async Task MainCommand_ServesTheApiOverHttp_UpscaleWithTheBundledEsrganModel()
    {
        var httpPort = FreeTcpPort.Next();
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["Livepeer__Cluster__SiloPort"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["Livepeer__Cluster__GatewayPort"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["Livepeer__Gateway__MediaRoot"] = Path.Combine(Path.GetTempPath(), "livepeer-main-command-" + Guid.NewGuid().ToString("N")),
        };
        await using var host = HostProcess.Start(HostBuild.Dll, [], environment, httpPort);
        await host.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        using var client = new LivepeerClient(new LivepeerClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") });
        var png = ImageCodec.EncodePng(new RgbImage(24, 16, Enumerable.Range(0, 24 * 16 * 3).Select(i => (byte)i).ToArray()));

        var response = await UpscaleWhenWarmAsync(client, png);

        var media = Assert.Single(response.Images);
        var download = await client.DownloadAsync(media.Url);
        var info = ImageCodec.Identify(download.Content, ImageLimits.Default);
        Assert.Equal((96, 64), (info.Width, info.Height));
        Assert.Contains("Livepeer.Orleans ready", host.Output, StringComparison.Ordinal);
    }

    /// <summary>Right after start the gateway may not have discovered the orchestrator yet (503 with Retry-After); a client retries.</summary>
    private static async Task<ImageResponse> UpscaleWhenWarmAsync(LivepeerClient client, byte[] png)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await client.UpscaleAsync(new UpscaleRequest { Prompt = "sharper" }, new LivepeerFile(png));
            }
            catch (LivepeerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable && attempt < 60)
            {
                await Task.Delay(500);
            }
        }
    }
}
