using System.Net;
using Livepeer.Media;

namespace Livepeer.Gateway.Tests;

/// <summary>/upscale end to end over HTTP: the real gateway, orchestrator, worker and ONNX Runtime.</summary>
[Collection(GatewayCollection.Name)]
public sealed class UpscaleApiTests(GatewayFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData("/upscale")]
    [InlineData("/upscale/")]
    [InlineData("/api/beta/generate/upscale")]
    public async Task Upscale_ModelAbsent_UsesDefaultModelAndServesThePng(string path)
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), Http.Form(("prompt", "sharper")).WithFile("image", TestImages.Png(16, 12)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var media = Assert.Single((await response.JsonAsync()).GetProperty("images").EnumerateArray());
        var url = media.GetProperty("url").GetString()!;
        Assert.Matches("^/stream/[0-9a-f]{8}/[0-9a-f]{8}\\.png$", url);
        Assert.False(media.GetProperty("nsfw").GetBoolean());
        Assert.InRange(media.GetProperty("seed").GetInt64(), 0, uint.MaxValue);

        using var file = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        var image = ImageCodec.Identify(await file.Content.ReadAsByteArrayAsync(), ImageLimits.Default);
        Assert.Equal((32, 24), (image.Width, image.Height));
    }

    [Fact]
    public async Task Upscale_ModelEmpty_SameAsAbsent()
    {
        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Form(("prompt", "x"), ("model_id", "")).WithFile("image", TestImages.Png(8, 8)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((16, 16), await OutputSizeAsync(response));
    }

    [Fact]
    public async Task Upscale_OtherInstalledModel_RunsThatModel()
    {
        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Form(("prompt", "x"), ("model_id", GatewayFactory.OtherModel)).WithFile("image", TestImages.Png(8, 8)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((32, 32), await OutputSizeAsync(response));
    }

    [Fact]
    public async Task Upscale_UnknownModel_503WithReasonAndRetryAfter()
    {
        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Form(("prompt", "x"), ("model_id", "nobody/has-this")).WithFile("image", TestImages.Png()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("No orchestrator offers upscale with model 'nobody/has-this'.", await response.ErrorMessageAsync());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Theory]
    [InlineData("12345", 12345)]
    [InlineData("4294967295", 4294967295)]
    public async Task Upscale_SeedGiven_ReturnedAsAJsonInteger(string seed, long expected)
    {
        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), Http.Form(("prompt", "x"), ("seed", seed)).WithFile("image", TestImages.Png(8, 8)));

        var media = (await response.JsonAsync()).GetProperty("images")[0];
        Assert.Equal(expected, media.GetProperty("seed").GetInt64());
        Assert.DoesNotContain(".", media.GetProperty("seed").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upscale_AnyFileNameAndPartTypeJpeg_DecodedByItsBytes()
    {
        var jpeg = ImageCodecTestFormats.Jpeg(20, 10);
        using var form = Http.Form(("prompt", "x"), ("safety_check", "TRUE"), ("num_inference_steps", "10")).WithFile("image", jpeg, fileName: "notes.txt", contentType: "text/plain");

        using var response = await client.PostAsync(new Uri("/upscale", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((40, 20), await OutputSizeAsync(response));
    }

    [Fact]
    public async Task Upscale_EmptyCookieHeader_Accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upscale") { Content = Http.Form(("prompt", "x")).WithFile("image", TestImages.Png(8, 8)) };
        request.Headers.TryAddWithoutValidation("Cookie", "");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(int Width, int Height)> OutputSizeAsync(HttpResponseMessage response)
    {
        var url = (await response.JsonAsync()).GetProperty("images")[0].GetProperty("url").GetString()!;
        var info = ImageCodec.Identify(await client.GetByteArrayAsync(new Uri(url, UriKind.Relative)), ImageLimits.Default);
        return (info.Width, info.Height);
    }
}
