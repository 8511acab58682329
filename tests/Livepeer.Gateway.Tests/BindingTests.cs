using Livepeer.Api;
using Livepeer.Gateway.Endpoints;
using Livepeer.Gateway.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Livepeer.Gateway.Tests;

/// <summary>Every field's default and the parameters each pipeline hands its worker (pure: no server).</summary>
public sealed class BindingTests
{
    [Fact]
    public void TextToImage_OnlyPrompt_RunnerDefaults()
    {
        using var json = JsonFields.Parse("""{"prompt":"a cat"}""");

        var request = TextToImageEndpoint.Bind(json);

        Assert.Equal(new TextToImageRequest { Prompt = "a cat" }, request);
        Assert.Equal((576, 1024, 7.5, 50, 1, true, "", ""), (request.Height, request.Width, request.GuidanceScale, request.NumInferenceSteps, request.NumImagesPerPrompt, request.SafetyCheck, request.NegativePrompt, request.Loras));
        Assert.Null(request.Seed);
    }

    [Fact]
    public void TextToImage_Parameters_SeedRandomInRangeAndImagesAtLeastOne()
    {
        var parameters = TextToImageEndpoint.Parameters(new TextToImageRequest { Prompt = "p", NumImagesPerPrompt = 0 });

        Assert.InRange(long.Parse(parameters["seed"], System.Globalization.CultureInfo.InvariantCulture), 0, uint.MaxValue);
        Assert.Equal("1", parameters["num_images_per_prompt"]);
        Assert.Equal("7.5", parameters["guidance_scale"]);
        Assert.Equal("true", parameters["safety_check"]);
    }

    [Fact]
    public void TextToImage_LaxTypes_AcceptedAsPydanticDoes()
    {
        using var json = JsonFields.Parse("""{"prompt":"p","height":"512","width":768.0,"safety_check":"off","seed":"4294967295","guidance_scale":"2.5"}""");

        var request = TextToImageEndpoint.Bind(json);

        Assert.Equal((512, 768, false, 4294967295L, 2.5), (request.Height, request.Width, request.SafetyCheck, request.Seed!.Value, request.GuidanceScale));
    }

    [Fact]
    public void TextToImage_SeedGiven_PassedThrough()
    {
        Assert.Equal("7", TextToImageEndpoint.Parameters(new TextToImageRequest { Prompt = "p", Seed = 7 })["seed"]);
    }

    [Fact]
    public void ImageToImage_EmptyForm_DefaultsAndEmptyStringsAbsent()
    {
        var form = Form(("prompt", "p"), ("negative_prompt", ""), ("strength", ""), ("model_id", ""));

        var request = ImageToImageEndpoint.Bind(form);
        form.ThrowIfInvalid();

        Assert.Equal(new ImageToImageRequest { Prompt = "p" }, request);
        Assert.Equal((0.8, 7.5, 1.5, 100, 1), (request.Strength, request.GuidanceScale, request.ImageGuidanceScale, request.NumInferenceSteps, request.NumImagesPerPrompt));
    }

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("no", false)]
    [InlineData("On", true)]
    public void Form_Booleans_CaseInsensitive(string text, bool expected)
    {
        var form = Form(("prompt", "p"), ("safety_check", text));

        Assert.Equal(expected, UpscaleEndpoint.Bind(form).SafetyCheck);
        form.ThrowIfInvalid();
    }

    [Fact]
    public void Form_Numbers_InvariantCultureAndGoLivepeersFloatFormat()
    {
        // go-livepeer writes floats with %f (0.800000); the JS SDK writes 7.5. Both parse the same everywhere.
        var form = Form(("prompt", "p"), ("strength", "0.800000"), ("guidance_scale", "7.5"));

        var request = ImageToImageEndpoint.Bind(form);

        form.ThrowIfInvalid();
        Assert.Equal((0.8, 7.5), (request.Strength, request.GuidanceScale));
        Assert.Equal("0.8", ImageToImageEndpoint.Parameters(request)["strength"]);
    }

    [Fact]
    public void ImageToVideo_Defaults()
    {
        var request = ImageToVideoEndpoint.Bind(Form());

        Assert.Equal(new ImageToVideoRequest(), request);
        Assert.Equal((576, 1024, 6, 127, 0.02, 25), (request.Height, request.Width, request.Fps, request.MotionBucketId, request.NoiseAugStrength, request.NumInferenceSteps));
        ImageToVideoEndpoint.Check(request);
    }

    [Fact]
    public void Upscale_Defaults_AndSeedZeroMeansRandom()
    {
        var request = UpscaleEndpoint.Bind(Form(("prompt", "p"), ("seed", "0")));

        Assert.Equal(75, request.NumInferenceSteps);
        Assert.Equal(0, request.Seed);
        var seeds = Enumerable.Range(0, 20).Select(_ => UpscaleEndpoint.Parameters(request)["seed"]).Distinct().Count();
        Assert.True(seeds > 1, "seed 0 must be replaced by a random seed, as the runner does");
    }

    [Fact]
    public void AudioToText_Defaults_TimestampModes()
    {
        var request = AudioToTextEndpoint.Bind(Form());

        Assert.Equal("true", request.ReturnTimestamps);
        Assert.Equal("word", AudioToTextEndpoint.TimestampMode(request with { ReturnTimestamps = "Word" }));
        Assert.Throws<ApiProblemException>(() => AudioToTextEndpoint.TimestampMode(request with { ReturnTimestamps = "always" }));
    }

    [Fact]
    public void SegmentAnything2_Defaults_AndPromptsPassAsJsonText()
    {
        var request = SegmentAnything2Endpoint.Bind(Form(("point_coords", "[[10,20]]"), ("point_labels", "[1]")));

        var parameters = SegmentAnything2Endpoint.Parameters(request);

        Assert.Equal((true, true, true), (request.MultimaskOutput, request.ReturnLogits, request.NormalizeCoords));
        Assert.Equal("[[10,20]]", parameters["point_coords"]);
        Assert.False(parameters.ContainsKey("box"));
    }

    [Fact]
    public void Llm_Defaults()
    {
        using var json = JsonFields.Parse("""{"messages":[{"role":"user","content":"hi"}]}""");

        var request = LlmEndpoint.Bind(json);

        Assert.Equal(("", 0.7, 256, 1.0, -1, false), (request.Model, request.Temperature, request.MaxTokens, request.TopP, request.TopK, request.Stream));
        Assert.Equal(new LlmMessage("user", "hi"), Assert.Single(request.Messages));
    }

    [Fact]
    public void TextToSpeech_Defaults()
    {
        using var json = JsonFields.Parse("""{"text":"hello"}""");

        var request = TextToSpeechEndpoint.Bind(json);

        Assert.Equal(TextToSpeechRequest.DefaultDescription, request.Description);
        Assert.Equal("", request.ModelId);
    }

    [Fact]
    public void ImageToText_Defaults()
    {
        Assert.Equal(new ImageToTextRequest(), ImageToTextEndpoint.Bind(Form()));
    }

    private static FormFields Form(params (string Name, string Value)[] fields) =>
        FormFields.From(new FormCollection(fields.ToDictionary(f => f.Name, f => new StringValues(f.Value))));
}
