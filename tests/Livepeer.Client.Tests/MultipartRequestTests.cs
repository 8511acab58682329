using Livepeer.Testing;
using System.Text;

namespace Livepeer.Client.Tests;

/// <summary>The file pipelines: part names, values, file name and media type, exactly as livepeer-ai-api.md §2.3 describes them.</summary>
public sealed class MultipartRequestTests
{
    [Fact]
    public async Task ImageToImage_Defaults_SendsTheImageAndEveryScalarField()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.ImageJson));

        await test.Client.ImageToImageAsync(new ImageToImageRequest { Prompt = "make it snow" }, new LivepeerFile(TestMedia.TinyPng));

        var request = test.Request;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://gateway.test:9935/image-to-image", request.Uri.AbsoluteUri);
        Assert.Equal("application/json", request.Header("Accept"));
        var form = await MultipartBody.ParseAsync(request);
        AssertFile(form, "image", "blob", "application/octet-stream", TestMedia.TinyPng);
        Assert.Equal(
            [
                new("prompt", "make it snow"),
                new("model_id", ""),
                new("loras", ""),
                new("strength", "0.8"),
                new("guidance_scale", "7.5"),
                new("image_guidance_scale", "1.5"),
                new("negative_prompt", ""),
                new("safety_check", "true"),
                new("num_inference_steps", "100"),
                new("num_images_per_prompt", "1"),
            ],
            form.Fields);
    }

    [Fact]
    public async Task Multipart_ScalarParts_HaveNoContentTypeAndAQuotedName()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.ImageJson));

        await test.Client.UpscaleAsync(new UpscaleRequest { Prompt = "sharp" }, new LivepeerFile(TestMedia.TinyPng));

        var form = await MultipartBody.ParseAsync(test.Request);
        var prompt = Assert.Single(form.Parts, p => p.Name == "prompt");
        Assert.Null(prompt.ContentType);
        Assert.Equal("form-data; name=\"prompt\"", prompt.RawDisposition);
        Assert.Equal("form-data; name=\"image\"; filename=\"blob\"", form.Parts[0].RawDisposition);
    }

    [Fact]
    public async Task ImageToVideo_SeedSet_SendsInvariantNumbersAndTheSeed()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.VideoJson));

        await test.Client.ImageToVideoAsync(
            new ImageToVideoRequest { ModelId = "stabilityai/stable-video-diffusion-img2vid-xt-1-1", Seed = 123, SafetyCheck = false },
            new LivepeerFile(TestMedia.TinyPng, "frame.png", "image/png"));

        Assert.Equal("/image-to-video", test.Request.Uri.AbsolutePath);
        var form = await MultipartBody.ParseAsync(test.Request);
        AssertFile(form, "image", "frame.png", "image/png", TestMedia.TinyPng);
        Assert.Equal(
            [
                new("model_id", "stabilityai/stable-video-diffusion-img2vid-xt-1-1"),
                new("height", "576"),
                new("width", "1024"),
                new("fps", "6"),
                new("motion_bucket_id", "127"),
                new("noise_aug_strength", "0.02"),
                new("safety_check", "false"),
                new("seed", "123"),
                new("num_inference_steps", "25"),
            ],
            form.Fields);
    }

    [Fact]
    public async Task Upscale_NoSeed_LeavesTheSeedOut()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.ImageJson));

        await test.Client.UpscaleAsync(new UpscaleRequest { Prompt = "sharp" }, new LivepeerFile(TestMedia.TinyPng));

        Assert.Equal("/upscale", test.Request.Uri.AbsolutePath);
        var form = await MultipartBody.ParseAsync(test.Request);
        AssertFile(form, "image", "blob", "application/octet-stream", TestMedia.TinyPng);
        Assert.Equal(
            [new("prompt", "sharp"), new("model_id", ""), new("safety_check", "true"), new("num_inference_steps", "75")],
            form.Fields);
    }

    [Fact]
    public async Task AudioToText_Defaults_SendsAnAudioPart()
    {
        var wav = TestMedia.Wav(TimeSpan.FromMilliseconds(250));
        using var test = new TestClient(_ => Responses.Json(Samples.TextJson));

        await test.Client.AudioToTextAsync(new AudioToTextRequest(), new LivepeerFile(wav));

        Assert.Equal("/audio-to-text", test.Request.Uri.AbsolutePath);
        var form = await MultipartBody.ParseAsync(test.Request);
        AssertFile(form, "audio", "blob", "application/octet-stream", wav);
        Assert.Equal([new("model_id", ""), new("return_timestamps", "true")], form.Fields);
    }

    [Fact]
    public async Task SegmentAnything2_JsonTextFields_SendsThemAsTextAndOmitsAbsentOnes()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.MasksJson));

        await test.Client.SegmentAnything2Async(
            new SegmentAnything2Request { PointCoords = "[[120,45]]", PointLabels = "[1]", ReturnLogits = false },
            new LivepeerFile(TestMedia.TinyPng));

        Assert.Equal("/segment-anything-2", test.Request.Uri.AbsolutePath);
        var form = await MultipartBody.ParseAsync(test.Request);
        AssertFile(form, "image", "blob", "application/octet-stream", TestMedia.TinyPng);
        Assert.Equal(
            [
                new("model_id", ""),
                new("point_coords", "[[120,45]]"),
                new("point_labels", "[1]"),
                new("multimask_output", "true"),
                new("return_logits", "false"),
                new("normalize_coords", "true"),
            ],
            form.Fields);
    }

    [Fact]
    public async Task ImageToText_Prompt_SendsPromptAndModel()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.CaptionJson));

        await test.Client.ImageToTextAsync(new ImageToTextRequest { Prompt = "a photo of" }, new LivepeerFile(TestMedia.TinyPng));

        Assert.Equal("/image-to-text", test.Request.Uri.AbsolutePath);
        var form = await MultipartBody.ParseAsync(test.Request);
        AssertFile(form, "image", "blob", "application/octet-stream", TestMedia.TinyPng);
        Assert.Equal([new("prompt", "a photo of"), new("model_id", "")], form.Fields);
    }

    [Fact]
    public async Task Multipart_NonAsciiValuesAndFileName_ArriveAsUtf8()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.ImageJson));

        await test.Client.UpscaleAsync(new UpscaleRequest { Prompt = "café — 猫" }, new LivepeerFile(TestMedia.TinyPng, "café \"1\".png"));

        var form = await MultipartBody.ParseAsync(test.Request);
        Assert.Equal("café %221%22.png", form.Parts[0].FileName);
        Assert.Contains(form.Fields, f => f is { Key: "prompt", Value: "café — 猫" });
        Assert.True(test.Request.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes("filename=\"café %221%22.png\"")) >= 0, "the file name is raw UTF-8");
    }

    [Fact]
    public async Task Multipart_NullImage_ThrowsBeforeSending()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.ImageJson));

        await Assert.ThrowsAsync<ArgumentNullException>(() => test.Client.UpscaleAsync(new UpscaleRequest { Prompt = "x" }, null!));

        Assert.Empty(test.Handler.Requests);
    }

    private static void AssertFile(MultipartBody form, string name, string fileName, string contentType, byte[] bytes)
    {
        var file = Assert.Single(form.Parts, p => p.FileName is not null);
        Assert.Same(file, form.Parts[0]);
        Assert.Equal(name, file.Name);
        Assert.Equal(fileName, file.FileName);
        Assert.Equal(contentType, file.ContentType);
        Assert.Equal(bytes, file.Body);
    }
}
