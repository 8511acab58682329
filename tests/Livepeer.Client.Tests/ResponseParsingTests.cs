using Livepeer.Testing;
namespace Livepeer.Client.Tests;

using Media = Livepeer.Api.Media;

/// <summary>Every success shape of livepeer-ai-api.md §4 reads into its record.</summary>
public sealed class ResponseParsingTests
{
    [Fact]
    public async Task TextToImage_ImageResponse_ReadsUrlsSeedsAndNsfw()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.ImageJson));

        var response = await test.Client.TextToImageAsync(new TextToImageRequest { Prompt = "p" });

        Assert.Equal(
            [new Media("/stream/0a1b2c3d/4e5f6a7b.png", 4294967295, false), new Media("https://store.example/0a1b2c3d/5f6a7b8c.png", 0, true)],
            response.Images);
    }

    [Fact]
    public async Task ImageToVideo_VideoResponse_ReadsTheMp4()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.VideoJson));

        var response = await test.Client.ImageToVideoAsync(new ImageToVideoRequest(), new LivepeerFile(TestMedia.TinyPng));

        Assert.Equal(new Media("/stream/2b835716/01c0e9a6.mp4", 7, false), Assert.Single(response.Images));
    }

    [Fact]
    public async Task AudioToText_TextResponse_ReadsChunksWithAnOpenEnd()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.TextJson));

        var response = await test.Client.AudioToTextAsync(new AudioToTextRequest(), new LivepeerFile(TestMedia.Wav(TimeSpan.FromSeconds(1))));

        Assert.Equal(" Hello there.", response.Text);
        Assert.Equal(2, response.Chunks.Count);
        Assert.Equal([0.0, 1.5], response.Chunks[0].Timestamp);
        Assert.Equal([1.5, null], response.Chunks[1].Timestamp);
        Assert.Equal(" there.", response.Chunks[1].Text);
    }

    [Fact]
    public async Task SegmentAnything2_MasksResponse_ReadsTheThreeStrings()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.MasksJson));

        var response = await test.Client.SegmentAnything2Async(new SegmentAnything2Request(), new LivepeerFile(TestMedia.TinyPng));

        Assert.Equal(new MasksResponse("[[[0, 1], [1, 0]]]", "[0.98, 0.71, 0.33]", "[[[-1.5, 2.0]]]"), response);
    }

    [Fact]
    public async Task ImageToText_Caption_ReadsTheText()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.CaptionJson));

        var response = await test.Client.ImageToTextAsync(new ImageToTextRequest(), new LivepeerFile(TestMedia.TinyPng));

        Assert.Equal("a cat sitting on a mat", response.Text);
    }

    [Fact]
    public async Task TextToSpeech_AudioResponse_ReadsTheUrl()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.AudioJson));

        var response = await test.Client.TextToSpeechAsync(new TextToSpeechRequest { Text = "Hi" });

        Assert.Equal("/stream/0a1b2c3d/4e5f6a7b.wav", response.Audio.Url);
    }

    [Fact]
    public async Task Llm_LlmResponse_ReadsUsageAndMessage()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.LlmJson));

        var response = await test.Client.LlmAsync(new LlmRequest { Messages = [new LlmMessage("user", "Hi")] });

        Assert.Equal("chatcmpl-1", response.Id);
        Assert.Equal("meta-llama/Meta-Llama-3.1-8B-Instruct", response.Model);
        Assert.Equal(1735689600, response.Created);
        Assert.Equal(new LlmTokenUsage(5, 2, 7), response.Usage);
        var choice = Assert.Single(response.Choices);
        Assert.Equal(new LlmChoice(0, "stop", new LlmMessage("assistant", "Hello!")), choice);
    }

    [Theory]
    [InlineData("""{"index":0,"message":{"role":"assistant","content":"x"}}""")]
    [InlineData("""{"index":0,"finish_reason":null,"message":{"role":"assistant","content":"x"}}""")]
    public async Task Llm_FinishReasonMissingOrNull_ReadsAsEmpty(string choice)
    {
        var body = $$"""{"id":"a","model":"m","created":1,"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2},"choices":[{{choice}}]}""";
        using var test = new TestClient(_ => Responses.Json(body));

        var response = await test.Client.LlmAsync(new LlmRequest { Messages = [new LlmMessage("user", "Hi")] });

        Assert.Equal("", Assert.Single(response.Choices).FinishReason);
    }

    [Fact]
    public async Task ImageResponse_UnknownKeys_AreIgnored()
    {
        using var test = new TestClient(_ => Responses.Json("""{"images":[{"url":"u","seed":1,"nsfw":false,"extra":1}],"request_id":"0a1b2c3d"}"""));

        var response = await test.Client.TextToImageAsync(new TextToImageRequest { Prompt = "p" });

        Assert.Equal(new Media("u", 1, false), Assert.Single(response.Images));
    }
}
