using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using Livepeer.Api;
using Livepeer.Client;
using Livepeer.Client.Cluster;
using Livepeer.Contracts;
using Livepeer.Gateway.Http;
using Livepeer.Media;
using Livepeer.Testing;
using Microsoft.Extensions.Configuration;
using Livepeer.Payments;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Signer;

namespace Livepeer.Gateway.Tests;

/// <summary>The .NET client SDK against the real gateway, and its cluster helper against the real cluster.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SdkTests(GatewayFactory factory)
{
    private LivepeerClient Client(string prefix = "") =>
        new(factory.CreateClient(), new LivepeerClientOptions { BaseAddress = factory.Server.BaseAddress, PathPrefix = prefix });

    [Theory]
    [InlineData("")]
    [InlineData(ApiPaths.StudioPrefix)]
    public async Task UpscaleAsync_RealGateway_ReturnsImageThatDownloads(string prefix)
    {
        using var client = Client(prefix);

        var response = await client.UpscaleAsync(new UpscaleRequest { Prompt = "sharper", Seed = 42 }, new LivepeerFile(TestImages.Png(10, 6)));

        var media = Assert.Single(response.Images);
        Assert.Equal(42, media.Seed);
        var download = await client.DownloadAsync(media.Url);
        Assert.Equal("image/png", download.ContentType);
        var info = ImageCodec.Identify(download.Content, ImageLimits.Default);
        Assert.Equal((20, 12), (info.Width, info.Height));
    }

    [Fact]
    public async Task TextToImageAsync_NobodyOffersIt_TypedErrorWithRetryAfter()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<LivepeerApiException>(() => client.TextToImageAsync(new TextToImageRequest { Prompt = "a cat" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.StartsWith("No orchestrator offers text-to-image", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter);
    }

    [Fact]
    public async Task StartImageToVideoAsync_NobodyOffersIt_PollingGivesTheFailureMessage()
    {
        using var client = Client();

        var requestId = await client.StartImageToVideoAsync(new ImageToVideoRequest { ModelId = "nobody/none" }, new LivepeerFile(TestImages.Png()));
        await factory.Services.GetRequiredService<AsyncJobRegistry>().WhenFinishedAsync(requestId).WaitAsync(TimeSpan.FromSeconds(30));
        var status = await client.GetImageToVideoResultAsync(requestId);

        Assert.Equal(AsyncJobState.Failed, status.State);
        Assert.Equal("No orchestrator offers image-to-video with model 'nobody/none'.", status.ErrorMessage);
        var unknown = await Assert.ThrowsAsync<LivepeerApiException>(() => client.GetImageToVideoResultAsync("0badf00d"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("invalid request ID", unknown.Message);
    }

    [Fact]
    public async Task UpscaleAsync_EmptyPrompt_ValidationErrorsComeBackTyped()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<LivepeerApiException>(() => client.UpscaleAsync(new UpscaleRequest { Prompt = "" }, new LivepeerFile(TestImages.Png())));

        Assert.Equal((HttpStatusCode)422, error.StatusCode);
        Assert.Equal(["body", "prompt"], Assert.Single(error.ValidationErrors!).Loc.Select(l => l.ToString()));
    }

    [Fact]
    public async Task UpscaleAsync_Undecodable_415()
    {
        using var client = Client();

        var error = await Assert.ThrowsAsync<LivepeerApiException>(() => client.UpscaleAsync(new UpscaleRequest { Prompt = "x" }, new LivepeerFile(TestMedia.Wav())));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.StatusCode);
    }

    [Fact]
    public async Task LivepeerCluster_SubmitsToTheRealOrchestrator()
    {
        var configuration = factory.Services.GetRequiredService<IConfiguration>();
        var gatewayPort = int.Parse(configuration["Livepeer:Cluster:GatewayPort"]!, CultureInfo.InvariantCulture);
        await using var cluster = await LivepeerCluster.ConnectLocalhostAsync(gatewayPort, "livepeer", configuration["Livepeer:Cluster:ClusterId"]!);
        JobRequest Job() => new(Guid.NewGuid().ToString("N"), "upscale", GatewayFactory.DefaultModel, ImmutableDictionary<string, string>.Empty, TestImages.Png(8, 8));

        // The model is priced: without a key the job is refused before any work, with one it is paid with tickets.
        var unpaid = await Assert.ThrowsAsync<JobFailedException>(() => cluster.SubmitAsync(GatewayFactory.Orchestrator, Job()));
        Assert.Equal(JobErrorKind.PaymentRequired, unpaid.Kind);
        var key = EthECKey.GenerateKey();
        cluster.PayWith(key);
        var results = new List<JobResult>();
        for (var i = 0; i < 3; i++) results.Add(await cluster.SubmitAsync(GatewayFactory.Orchestrator, Job()));

        Assert.All(results, r => Assert.Equal(64, r.Units));
        Assert.Equal("image/png", results[0].ContentType);
        var account = await factory.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IPaymentAccountGrain>($"{GatewayFactory.Orchestrator}/{key.GetPublicAddress().ToLowerInvariant()}").GetStatusAsync();
        Assert.Equal(Wei.Of(3 * 64 * GatewayFactory.DefaultModelPrice), Wei.Parse(account.Debited));
        Assert.Equal(Wei.Parse(account.Credited) - Wei.Parse(account.Debited), Wei.Parse(account.Balances["upscale/" + GatewayFactory.DefaultModel]));
    }
}
