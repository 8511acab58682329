using System.Net;
using Livepeer.Gateway.Http;
using Livepeer.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Livepeer.Gateway.Tests;

/// <summary>/image-to-video end to end: the real gateway, orchestrator and worker running a tiny SVD model, the MP4 read back by ffprobe.</summary>
[Collection(GatewayCollection.Name)]
public sealed class VideoApiTests(GatewayFactory factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task ImageToVideo_PlayableMp4_TheModelsFramesAtTheRequestsFps()
    {
        using var response = await PostAsync(prefer: null, ("fps", "8"), ("seed", "5"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var video = Assert.Single((await response.JsonAsync()).GetProperty("images").EnumerateArray());
        Assert.Equal(5, video.GetProperty("seed").GetInt64());
        Assert.False(video.GetProperty("nsfw").GetBoolean());
        await AssertPlayableAsync(video.GetProperty("url").GetString()!, fps: 8);
    }

    [Fact]
    public async Task ImageToVideo_RespondAsync_202ThenTheSameKindOfResultByPolling()
    {
        using var accepted = await PostAsync("respond-async", ("fps", "6"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var requestId = (await accepted.JsonAsync()).GetProperty("request_id").GetString()!;

        await factory.Services.GetRequiredService<AsyncJobRegistry>().WhenFinishedAsync(requestId).WaitAsync(TimeSpan.FromSeconds(60));
        using var poll = await client.PostAsync(new Uri("/image-to-video/result", UriKind.Relative), Http.Json($$"""{"request_id":"{{requestId}}"}"""));

        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        var body = await poll.JsonAsync();
        Assert.Equal("complete", body.GetProperty("status").GetString());
        var video = Assert.Single(body.GetProperty("result").GetProperty("images").EnumerateArray());
        await AssertPlayableAsync(video.GetProperty("url").GetString()!, fps: 6);
    }

    [Theory]
    [InlineData("width", "60", "`height` and `width` have to be divisible by 8 but are 48 and 60.")]
    [InlineData("motion_bucket_id", "5000", "`motion_bucket_id` must be between 0 and 1023 but is 5000.")]
    [InlineData("noise_aug_strength", "-1", "`noise_aug_strength` must be between 0 and 5 but is -1.")]
    public async Task ImageToVideo_ValueTheModelCannotRun_400WithTheMessage(string field, string value, string message)
    {
        using var response = await PostAsync(prefer: null, (field, value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.ErrorMessageAsync());
    }

    [Fact]
    public async Task ImageToVideo_NotAnImage_415()
    {
        using var form = Http.Form(("model_id", GatewayFactory.VideoModel), ("width", "64"), ("height", "48")).WithFile("image", [1, 2, 3, 4, 5, 6, 7, 8]);

        using var response = await client.PostAsync(new Uri("/image-to-video", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private async Task AssertPlayableAsync(string url, int fps)
    {
        Assert.EndsWith(".mp4", url, StringComparison.Ordinal);
        using var file = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("video/mp4", file.Content.Headers.ContentType?.MediaType);
        var (analysis, decoded) = await VideoProbe.ProbeAsync(await file.Content.ReadAsByteArrayAsync(), "mp4");
        var stream = analysis.PrimaryVideoStream!;
        Assert.Equal("h264", stream.CodecName);
        Assert.Equal("yuv420p", stream.PixelFormat);
        Assert.Equal((64, 48), (stream.Width, stream.Height));
        Assert.Equal(fps, stream.AverageFrameRate, 3);
        Assert.Equal(GatewayFactory.VideoFrames, decoded);
    }

    private async Task<HttpResponseMessage> PostAsync(string? prefer, params (string Name, string Value)[] fields)
    {
        (string, string)[] all = [("model_id", GatewayFactory.VideoModel), ("width", "64"), ("height", "48"), ("num_inference_steps", "2"), .. fields];
        var merged = all.GroupBy(f => f.Item1).Select(g => g.Last()).ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/image-to-video") { Content = Http.Form(merged).WithFile("image", TestImages.Png(40, 30)) };
        if (prefer is not null) request.Headers.TryAddWithoutValidation("Prefer", prefer);
        return await client.SendAsync(request);
    }
}
