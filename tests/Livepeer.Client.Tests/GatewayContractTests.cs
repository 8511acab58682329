using System.Net;

namespace Livepeer.Client.Tests;

/// <summary>
/// Every pipeline end to end through <see cref="LivepeerClient"/>: call, check the shape, download the result.
/// Run against the fake gateway here; a subclass that returns a client of the real gateway (e.g. over WebApplicationFactory) runs the same checks there.
/// </summary>
public abstract class GatewayContractTests
{
    /// <summary>A client of the gateway under test.</summary>
    protected abstract LivepeerClient Client { get; }

    /// <summary>Whether the gateway under test serves <paramref name="path"/> (one of <see cref="ApiPaths"/>); the tests of other pipelines pass without calling.</summary>
    protected virtual bool Serves(string path) => true;

    /// <summary>The model to ask for on <paramref name="path"/>; empty means the gateway's default.</summary>
    protected virtual string ModelFor(string path) => "";

    [Fact]
    public async Task TextToImage_TwoImages_ReturnsTwoDownloadablePngs()
    {
        if (!Serves(ApiPaths.TextToImage)) return;

        var response = await Client.TextToImageAsync(new TextToImageRequest
        {
            ModelId = ModelFor(ApiPaths.TextToImage), Prompt = "a red fox", Width = 64, Height = 64, NumInferenceSteps = 1, NumImagesPerPrompt = 2, Seed = 7,
        });

        LivepeerAssert.Images(response, 2);
        Assert.Equal([7L, 8L], response.Images.Select(i => i.Seed));
        LivepeerAssert.Download(await Client.DownloadAsync(response.Images[1].Url), "image/png");
    }

    [Fact]
    public async Task TextToImage_EmptyPrompt_Is400()
    {
        if (!Serves(ApiPaths.TextToImage)) return;

        var error = await Assert.ThrowsAsync<LivepeerApiException>(
            () => Client.TextToImageAsync(new TextToImageRequest { ModelId = ModelFor(ApiPaths.TextToImage), Prompt = "" }));

        LivepeerAssert.Error(error, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ImageToImage_OneImage_ReturnsADownloadablePng()
    {
        if (!Serves(ApiPaths.ImageToImage)) return;

        var response = await Client.ImageToImageAsync(
            new ImageToImageRequest { ModelId = ModelFor(ApiPaths.ImageToImage), Prompt = "make it snow", NumInferenceSteps = 1 },
            new LivepeerFile(TestMedia.Png));

        LivepeerAssert.Images(response, 1);
        LivepeerAssert.Download(await Client.DownloadAsync(response.Images[0].Url), "image/png");
    }

    [Fact]
    public async Task ImageToVideo_SmallVideo_ReturnsOneMp4()
    {
        if (!Serves(ApiPaths.ImageToVideo)) return;

        var response = await Client.ImageToVideoAsync(
            new ImageToVideoRequest { ModelId = ModelFor(ApiPaths.ImageToVideo), Width = 64, Height = 64, NumInferenceSteps = 1 },
            new LivepeerFile(TestMedia.Png));

        LivepeerAssert.Video(response);
        LivepeerAssert.Download(await Client.DownloadAsync(response.Images[0].Url), "video/mp4");
    }

    [Fact]
    public async Task ImageToVideo_SizeNotDivisibleBy8_Is400()
    {
        if (!Serves(ApiPaths.ImageToVideo)) return;

        var error = await Assert.ThrowsAsync<LivepeerApiException>(() => Client.ImageToVideoAsync(
            new ImageToVideoRequest { ModelId = ModelFor(ApiPaths.ImageToVideo), Width = 63, Height = 64 },
            new LivepeerFile(TestMedia.Png)));

        LivepeerAssert.Error(error, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Upscale_OneImage_ReturnsADownloadablePng()
    {
        if (!Serves(ApiPaths.Upscale)) return;

        var response = await Client.UpscaleAsync(
            new UpscaleRequest { ModelId = ModelFor(ApiPaths.Upscale), Prompt = "sharp", NumInferenceSteps = 1 },
            new LivepeerFile(TestMedia.Png));

        LivepeerAssert.Images(response, 1);
        LivepeerAssert.Download(await Client.DownloadAsync(response.Images[0].Url), "image/png");
    }

    [Fact]
    public async Task AudioToText_ShortWav_ReturnsATranscript()
    {
        if (!Serves(ApiPaths.AudioToText)) return;

        var response = await Client.AudioToTextAsync(
            new AudioToTextRequest { ModelId = ModelFor(ApiPaths.AudioToText) },
            new LivepeerFile(TestMedia.Wav(TimeSpan.FromSeconds(1))));

        LivepeerAssert.Transcript(response);
    }

    [Fact]
    public async Task SegmentAnything2_OnePoint_ReturnsMasks()
    {
        if (!Serves(ApiPaths.SegmentAnything2)) return;

        var response = await Client.SegmentAnything2Async(
            new SegmentAnything2Request { ModelId = ModelFor(ApiPaths.SegmentAnything2), PointCoords = "[[4,4]]", PointLabels = "[1]" },
            new LivepeerFile(TestMedia.Png));

        LivepeerAssert.Masks(response);
    }

    [Fact]
    public async Task ImageToText_OneImage_ReturnsACaption()
    {
        if (!Serves(ApiPaths.ImageToText)) return;

        var response = await Client.ImageToTextAsync(new ImageToTextRequest { ModelId = ModelFor(ApiPaths.ImageToText) }, new LivepeerFile(TestMedia.Png));

        Assert.NotNull(response.Text);
    }

    [Fact]
    public async Task TextToSpeech_ShortText_ReturnsADownloadableWav()
    {
        if (!Serves(ApiPaths.TextToSpeech)) return;

        var response = await Client.TextToSpeechAsync(new TextToSpeechRequest { ModelId = ModelFor(ApiPaths.TextToSpeech), Text = "Hello." });

        LivepeerAssert.Speech(response);
        LivepeerAssert.Download(await Client.DownloadAsync(response.Audio.Url), "audio/wav");
    }

    [Fact]
    public async Task Llm_OneMessage_ReturnsAnAnswer()
    {
        if (!Serves(ApiPaths.Llm)) return;

        var response = await Client.LlmAsync(new LlmRequest { Model = ModelFor(ApiPaths.Llm), Messages = [new LlmMessage("user", "Hi")], MaxTokens = 8 });

        LivepeerAssert.Llm(response);
    }

    [Fact]
    public async Task LlmStream_OneMessage_StreamsDeltas()
    {
        if (!Serves(ApiPaths.Llm)) return;

        var chunks = new List<LlmResponse>();
        await foreach (var chunk in Client.LlmStreamAsync(new LlmRequest { Model = ModelFor(ApiPaths.Llm), Messages = [new LlmMessage("user", "Hi")], MaxTokens = 8 }))
            chunks.Add(chunk);

        LivepeerAssert.LlmStream(chunks);
    }
}
