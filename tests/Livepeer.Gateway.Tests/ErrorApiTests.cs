using System.Net;
using Livepeer.Testing;

namespace Livepeer.Gateway.Tests;

/// <summary>Every error status with its exact body: never a 500 or an empty reply for the client's mistakes.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ErrorApiTests(GatewayFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Upscale_MissingImageAndPrompt_422ListsBoth()
    {
        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Form(("model_id", "")));

        Assert.Equal(["body.image:missing", "body.prompt:missing"], (await response.ValidationErrorsAsync()).Order());
    }

    [Fact]
    public async Task Upscale_EmptyPrompt_IsAbsent_422()
    {
        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Form(("prompt", "")).WithFile("image", TestImages.Png()));

        Assert.Equal(["body.prompt:missing"], await response.ValidationErrorsAsync());
    }

    [Fact]
    public async Task Upscale_ImageSentAsText_422NotAFile()
    {
        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Form(("prompt", "x"), ("image", "not a file")));

        Assert.Equal(["body.image:value_error"], await response.ValidationErrorsAsync());
    }

    [Fact]
    public async Task Upscale_IllTypedFields_422NamesEach()
    {
        using var form = Http.Form(("prompt", "x"), ("seed", "abc"), ("safety_check", "maybe"), ("num_inference_steps", "1.5")).WithFile("image", TestImages.Png());

        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), form);

        Assert.Equal(["body.num_inference_steps:int_parsing", "body.safety_check:bool_parsing", "body.seed:int_parsing"], (await response.ValidationErrorsAsync()).Order());
    }

    [Fact]
    public async Task Upscale_JsonInsteadOfMultipart_422Missing()
    {
        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Json("""{"prompt":"x"}"""));

        Assert.Contains("body.image:missing", await response.ValidationErrorsAsync());
    }

    [Fact]
    public async Task Upscale_FileOverTheLimit_413()
    {
        var big = new byte[GatewayFactory.MaxImageBytes + 1];
        TestImages.Png().CopyTo(big, 0);

        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Form(("prompt", "x")).WithFile("image", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("File size exceeds limit.", await response.ErrorMessageAsync());
    }

    [Fact]
    public async Task Upscale_DecompressionBomb_413BeforeDecoding()
    {
        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Form(("prompt", "x")).WithFile("image", TestMedia.PngBomb(4000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("4000x4000", await response.ErrorMessageAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 13, 10, 26, 10, 0, 0, 0, 13 })]
    public async Task Upscale_UndecodableImage_415(byte[] bytes)
    {
        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Form(("prompt", "x")).WithFile("image", bytes));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.NotEmpty(await response.ErrorMessageAsync());
    }

    [Fact]
    public async Task Upscale_WavAsImage_415()
    {
        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Form(("prompt", "x")).WithFile("image", TestMedia.Wav()));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"prompt":"a cat","height":"abc"}""", "body.height:int_parsing")]
    [InlineData("""{"prompt":"a cat","height":1.5}""", "body.height:int_from_float")]
    [InlineData("""{"prompt":"a cat","guidance_scale":"x"}""", "body.guidance_scale:float_parsing")]
    [InlineData("""{"prompt":"a cat","safety_check":[]}""", "body.safety_check:bool_type")]
    [InlineData("""{"prompt":7}""", "body.prompt:string_type")]
    [InlineData("""{"height":512}""", "body.prompt:missing")]
    [InlineData("""[1,2]""", "body:model_attributes_type")]
    [InlineData("""{"prompt": "a cat",""", "body.0:json_invalid")]
    public async Task TextToImage_SchemaViolation_422(string json, string expected)
    {
        using var response = await client.PostAsync(new Uri("/text-to-image", UriKind.Relative), Http.Json(json));

        var errors = await response.ValidationErrorsAsync();
        Assert.Contains(errors, e => e == expected || (expected.EndsWith(":json_invalid", StringComparison.Ordinal) && e.EndsWith(":json_invalid", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TextToImage_EmptyBody_422MissingBody()
    {
        using var response = await client.PostAsync(new Uri("/text-to-image", UriKind.Relative), Http.Json(""));

        Assert.Equal(["body:missing"], await response.ValidationErrorsAsync());
    }

    [Fact]
    public async Task TextToImage_EmptyPrompt_400AsTheRunnerSays()
    {
        using var response = await client.PostAsync(new Uri("/text-to-image", UriKind.Relative), Http.Json("""{"prompt":""}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Prompt must be provided.", await response.ErrorMessageAsync());
    }

    [Fact]
    public async Task TextToImage_NobodyOffersIt_503WithReason()
    {
        using var response = await client.PostAsync(new Uri("/text-to-image", UriKind.Relative), Http.Json("""{"prompt":"a cat","model_id":""}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("No orchestrator offers text-to-image with model 'SG161222/RealVisXL_V4.0_Lightning'.", await response.ErrorMessageAsync());
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task ImageToVideo_SizeNotDivisibleBy8_400WithTheRunnersMessage()
    {
        using var form = Http.Form(("height", "500"), ("width", "1024")).WithFile("image", TestImages.Png());

        using var response = await client.PostAsync(new Uri("/image-to-video", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("`height` and `width` have to be divisible by 8 but are 500 and 1024.", await response.ErrorMessageAsync());
    }

    [Theory]
    [InlineData("""{"model":""}""", "body.messages:missing")]
    [InlineData("""{"messages":"hi"}""", "body.messages:list_type")]
    [InlineData("""{"messages":[{"content":"hi"}]}""", "body.messages.0.role:missing")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}],"max_tokens":"lots"}""", "body.max_tokens:int_parsing")]
    public async Task Llm_SchemaViolation_422WithNestedLocation(string json, string expected)
    {
        using var response = await client.PostAsync(new Uri("/llm", UriKind.Relative), Http.Json(json));

        Assert.Contains(expected, await response.ValidationErrorsAsync());
    }

    [Fact]
    public async Task TextToSpeech_EmptyText_400()
    {
        using var response = await client.PostAsync(new Uri("/text-to-speech", UriKind.Relative), Http.Json("""{"text":""}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Text input must be provided.", await response.ErrorMessageAsync());
    }

    [Fact]
    public async Task AudioToText_NotAudio_415AsTheRunnerSays()
    {
        using var response = await client.PostAsync(new Uri("/audio-to-text", UriKind.Relative), Http.Form().WithFile("audio", TestImages.Png()));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Unsupported audio format or malformed file.", await response.ErrorMessageAsync());
    }

    [Fact]
    public async Task AudioToText_WavButNobodyOffersIt_503()
    {
        using var response = await client.PostAsync(new Uri("/audio-to-text", UriKind.Relative), Http.Form().WithFile("audio", TestMedia.Wav()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("audio-to-text", await response.ErrorMessageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAnything2_BadPromptJson_400()
    {
        using var form = Http.Form(("point_coords", "[[1,2]")).WithFile("image", TestImages.Png());

        using var response = await client.PostAsync(new Uri("/segment-anything-2", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Error parsing JSON for point_coords:", await response.ErrorMessageAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRouteAndWrongMethod_FastApiBodies()
    {
        using var notFound = await client.GetAsync(new Uri("/no-such-pipeline", UriKind.Relative));
        using var wrongMethod = await client.GetAsync(new Uri("/upscale", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("Not Found", (await notFound.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("Method Not Allowed", (await wrongMethod.JsonAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/stream/0000000g/00000000.png")]
    [InlineData("/stream/00000000/00000000.png")]
    [InlineData("/stream/00000000/..%2F..%2Fetc%2Fpasswd")]
    public async Task Stream_UnknownOrInvalid_404(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryPipelineWithItsUpload()
    {
        var document = await (await client.GetAsync(new Uri("/openapi.json", UriKind.Relative))).JsonAsync();
        var paths = document.GetProperty("paths");

        foreach (var path in new[] { "/text-to-image", "/image-to-image", "/image-to-video", "/upscale", "/audio-to-text", "/segment-anything-2", "/llm", "/image-to-text", "/text-to-speech" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        var upscale = paths.GetProperty("/upscale").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal("binary", upscale.GetProperty("properties").GetProperty("image").GetProperty("format").GetString());
        Assert.Equal(["image", "prompt"], upscale.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order());
        var textToImage = paths.GetProperty("/text-to-image").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(textToImage.TryGetProperty("application/json", out _));
    }
}
