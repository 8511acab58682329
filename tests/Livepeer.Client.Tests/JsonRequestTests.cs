namespace Livepeer.Client.Tests;

/// <summary>The JSON pipelines: method, path, headers and the exact body.</summary>
public sealed class JsonRequestTests
{
    private const string ImageJson = Samples.ImageJson;

    [Fact]
    public async Task TextToImage_Defaults_PostsTheRecordWithoutSeed()
    {
        using var test = new TestClient(_ => Responses.Json(ImageJson));

        await test.Client.TextToImageAsync(new TextToImageRequest { Prompt = "a red fox" });

        var request = test.Request;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://gateway.test:9935/text-to-image", request.Uri.AbsoluteUri);
        Assert.Equal("application/json", request.ContentHeader("Content-Type"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Null(request.Header("Authorization"));
        Assert.Equal(
            """{"model_id":"","loras":"","prompt":"a red fox","height":576,"width":1024,"guidance_scale":7.5,"negative_prompt":"","safety_check":true,"num_inference_steps":50,"num_images_per_prompt":1}""",
            request.BodyText);
    }

    [Fact]
    public async Task TextToImage_EveryFieldSet_WritesEachUnderItsJsonName()
    {
        using var test = new TestClient(_ => Responses.Json(ImageJson));

        await test.Client.TextToImageAsync(new TextToImageRequest
        {
            ModelId = "SG161222/RealVisXL_V4.0_Lightning",
            Loras = """{"nerijs/pixel-art-xl": 1.2}""",
            Prompt = "a red fox|pixel art",
            Height = 512,
            Width = 768,
            GuidanceScale = 2,
            NegativePrompt = "blurry",
            SafetyCheck = false,
            Seed = 4294967295,
            NumInferenceSteps = 6,
            NumImagesPerPrompt = 3,
        });

        Assert.Equal(
            """{"model_id":"SG161222/RealVisXL_V4.0_Lightning","loras":"{\"nerijs/pixel-art-xl\": 1.2}","prompt":"a red fox|pixel art","height":512,"width":768,"guidance_scale":2,"negative_prompt":"blurry","safety_check":false,"seed":4294967295,"num_inference_steps":6,"num_images_per_prompt":3}""",
            test.Request.BodyText);
    }

    [Fact]
    public async Task TextToSpeech_Defaults_PostsTextAndTheRunnerDescription()
    {
        using var test = new TestClient(_ => Responses.Json("""{"audio":{"url":"/stream/0a1b2c3d/4e5f6a7b.wav"}}"""));

        var response = await test.Client.TextToSpeechAsync(new TextToSpeechRequest { Text = "Hello" });

        Assert.Equal("/text-to-speech", test.Request.Uri.AbsolutePath);
        Assert.Equal(
            """{"model_id":"","text":"Hello","description":"A male speaker delivers a slightly expressive and animated speech with a moderate speed and pitch."}""",
            test.Request.BodyText);
        Assert.Equal("/stream/0a1b2c3d/4e5f6a7b.wav", response.Audio.Url);
    }

    [Fact]
    public async Task Llm_Defaults_PostsTheSdkDefaultsWithStreamFalse()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.LlmJson));

        await test.Client.LlmAsync(new LlmRequest { Messages = [new LlmMessage("user", "Hi")] });

        Assert.Equal("/llm", test.Request.Uri.AbsolutePath);
        Assert.Equal(
            """{"messages":[{"role":"user","content":"Hi"}],"model":"","temperature":0.7,"max_tokens":256,"top_p":1,"top_k":-1,"stream":false}""",
            test.Request.BodyText);
    }

    [Fact]
    public async Task Llm_StreamTrue_ThrowsPointingAtLlmStreamAsync()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.LlmJson));

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => test.Client.LlmAsync(new LlmRequest { Messages = [new LlmMessage("user", "Hi")], Stream = true }));

        Assert.Equal("request", error.ParamName);
        Assert.Contains(nameof(LivepeerClient.LlmStreamAsync), error.Message, StringComparison.Ordinal);
        Assert.Empty(test.Handler.Requests);
    }

    [Fact]
    public async Task TextToImage_NullRequest_ThrowsBeforeSending()
    {
        using var test = new TestClient(_ => Responses.Json(ImageJson));

        await Assert.ThrowsAsync<ArgumentNullException>(() => test.Client.TextToImageAsync(null!));

        Assert.Empty(test.Handler.Requests);
    }
}
