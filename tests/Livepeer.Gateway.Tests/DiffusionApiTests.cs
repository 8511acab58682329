using System.Net;
using System.Text.Json;
using Livepeer.Media;

namespace Livepeer.Gateway.Tests;

/// <summary>/text-to-image and /image-to-image end to end: the real gateway, orchestrator and worker running a tiny SD model.</summary>
[Collection(GatewayCollection.Name)]
public sealed class DiffusionApiTests(GatewayFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task TextToImage_TwoImages_PngsOfTheRequestedSize_SeedPlusI()
    {
        var body = $$"""{"model_id":"{{GatewayFactory.DiffusionModel}}","prompt":"a photo of a cat","width":64,"height":48,"seed":7,"num_images_per_prompt":2,"num_inference_steps":2}""";

        using var response = await client.PostAsync(new Uri("/text-to-image", UriKind.Relative), Http.Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var images = (await response.JsonAsync()).GetProperty("images").EnumerateArray().ToList();
        Assert.Equal([7L, 8L], images.Select(i => i.GetProperty("seed").GetInt64()));
        Assert.All(images, i => Assert.False(i.GetProperty("nsfw").GetBoolean()));
        foreach (var image in images)
            Assert.Equal((64, 48), await SizeAsync(image));
    }

    [Fact]
    public async Task ImageToImage_OutputFollowsTheInputImage()
    {
        var form = Http.Form(("model_id", GatewayFactory.DiffusionModel), ("prompt", "a cat"), ("strength", "0.5"), ("num_inference_steps", "4"), ("seed", "1"))
            .WithFile("image", TestImages.Png(40, 24));

        using var response = await client.PostAsync(new Uri("/image-to-image", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var image = Assert.Single((await response.JsonAsync()).GetProperty("images").EnumerateArray());
        Assert.Equal((40, 24), await SizeAsync(image));
    }

    [Theory]
    [InlineData(60, 4, "`height` and `width` have to be divisible by 8 but are 64 and 60.")]
    [InlineData(64, 500, "`num_inference_steps` must be between 1 and 200 but is 500.")]
    public async Task TextToImage_RequestTheModelCannotRun_400WithTheWorkersMessage(int width, int steps, string message)
    {
        var body = $$"""{"model_id":"{{GatewayFactory.DiffusionModel}}","prompt":"a cat","height":64,"width":{{width}},"num_inference_steps":{{steps}}}""";

        using var response = await client.PostAsync(new Uri("/text-to-image", UriKind.Relative), Http.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.ErrorMessageAsync());
    }

    private async Task<(int, int)> SizeAsync(JsonElement image)
    {
        using var file = await client.GetAsync(new Uri(image.GetProperty("url").GetString()!, UriKind.Relative));
        var info = ImageCodec.Identify(await file.Content.ReadAsByteArrayAsync(), ImageLimits.Default);
        return (info.Width, info.Height);
    }
}
