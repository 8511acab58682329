using System.Net;
using Livepeer.Testing;

namespace Livepeer.Client.Tests;

using Media = Livepeer.Api.Media;

/// <summary>go-livepeer's asynchronous image-to-video (livepeer-ai-api.md §3.3): start with <c>Prefer: respond-async</c>, poll <c>/image-to-video/result</c>.</summary>
public sealed class AsyncImageToVideoTests
{
    [Fact]
    public async Task StartImageToVideoAsync_SendsPreferRespondAsyncAndTheForm_ReturnsTheRequestId()
    {
        using var test = new TestClient(_ => Responses.Json("""{"request_id":"0a1b2c3d"}""", HttpStatusCode.Accepted));

        var requestId = await test.Client.StartImageToVideoAsync(new ImageToVideoRequest { Seed = 5 }, new LivepeerFile(TestMedia.TinyPng));

        Assert.Equal("0a1b2c3d", requestId);
        var request = test.Request;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://gateway.test:9935/image-to-video", request.Uri.AbsoluteUri);
        Assert.Equal("respond-async", request.Header("Prefer"));
        var form = await MultipartBody.ParseAsync(request);
        Assert.Equal(TestMedia.TinyPng, Assert.Single(form.Parts, p => p.Name == "image").Body);
        Assert.Contains(new KeyValuePair<string, string>("seed", "5"), form.Fields);
    }

    [Fact]
    public async Task StartImageToVideoAsync_GatewayAnswersWithTheVideo_ThrowsWithTheBody()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.VideoJson));

        var error = await Assert.ThrowsAsync<LivepeerApiException>(() => test.Client.StartImageToVideoAsync(new ImageToVideoRequest(), new LivepeerFile(TestMedia.TinyPng)));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("AsyncJobAccepted", error.Message, StringComparison.Ordinal);
        Assert.Equal(Samples.VideoJson, error.ResponseBody);
    }

    [Fact]
    public async Task StartImageToVideoAsync_InputRefused_ThrowsTheError()
    {
        using var test = new TestClient(_ => Responses.Json(
            """{"detail":{"msg":"`height` and `width` have to be divisible by 8 but are 576 and 60."},"error":{"message":"`height` and `width` have to be divisible by 8 but are 576 and 60."}}""",
            HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<LivepeerApiException>(() => test.Client.StartImageToVideoAsync(new ImageToVideoRequest { Width = 60 }, new LivepeerFile(TestMedia.TinyPng)));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("`height` and `width` have to be divisible by 8 but are 576 and 60.", error.Message);
    }

    [Fact]
    public async Task GetImageToVideoResultAsync_PostsTheRequestIdAsJson()
    {
        using var test = new TestClient(_ => Responses.Json("""{"status":"processing"}""", HttpStatusCode.Accepted), o => o.PathPrefix = "/api/beta/generate");

        await test.Client.GetImageToVideoResultAsync("0a1b2c3d");

        var request = test.Request;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://gateway.test:9935/api/beta/generate/image-to-video/result", request.Uri.AbsoluteUri);
        Assert.Equal("application/json", request.ContentHeader("Content-Type"));
        Assert.Null(request.Header("Prefer"));
        Assert.Equal("""{"request_id":"0a1b2c3d"}""", request.BodyText);
    }

    [Fact]
    public async Task GetImageToVideoResultAsync_Processing_NotComplete()
    {
        using var test = new TestClient(_ => Responses.Json("""{"status":"processing"}""", HttpStatusCode.Accepted));

        var status = await test.Client.GetImageToVideoResultAsync("0a1b2c3d");

        Assert.Equal(new ImageToVideoStatus(AsyncJobState.Processing), status);
        Assert.False(status.IsComplete);
    }

    [Fact]
    public async Task GetImageToVideoResultAsync_Complete_ReadsTheVideo()
    {
        using var test = new TestClient(_ => Responses.Json("""{"status":"complete","result":{"images":[{"url":"/stream/2b835716/01c0e9a6.mp4","seed":7,"nsfw":false}]}}"""));

        var status = await test.Client.GetImageToVideoResultAsync("2b835716");

        Assert.Equal(AsyncJobState.Succeeded, status.State);
        Assert.True(status.IsComplete);
        Assert.Equal(new Media("/stream/2b835716/01c0e9a6.mp4", 7, false), Assert.Single(status.Video!.Images));
        Assert.Null(status.ErrorMessage);
    }

    [Fact]
    public async Task GetImageToVideoResultAsync_CompleteWithError_FailedWithTheMessage()
    {
        using var test = new TestClient(_ => Responses.Json("""{"status":"complete","result":{"error":{"message":"Internal Server Error"}}}"""));

        var status = await test.Client.GetImageToVideoResultAsync("0a1b2c3d");

        Assert.Equal(new ImageToVideoStatus(AsyncJobState.Failed, ErrorMessage: "Internal Server Error"), status);
        Assert.True(status.IsComplete);
    }

    [Fact]
    public async Task GetImageToVideoResultAsync_UnknownId_Throws400()
    {
        using var test = new TestClient(_ => Responses.Json("""{"error":{"message":"invalid request ID"}}""", HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<LivepeerApiException>(() => test.Client.GetImageToVideoResultAsync("ffffffff"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invalid request ID", error.Message);
    }

    [Theory]
    [InlineData("""{"status":"complete"}""")]
    [InlineData("""{"status":"complete","result":{}}""")]
    [InlineData("""{"status":"complete","result":{"images":[],"error":{"message":"x"}}}""")]
    [InlineData("""{"status":"done","result":{"images":[]}}""")]
    [InlineData("""{"result":{"images":[]}}""")]
    public async Task GetImageToVideoResultAsync_NotAStatus_ThrowsShapeError(string body)
    {
        using var test = new TestClient(_ => Responses.Json(body));

        var error = await Assert.ThrowsAsync<LivepeerApiException>(() => test.Client.GetImageToVideoResultAsync("0a1b2c3d"));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("AsyncJobStatus", error.Message, StringComparison.Ordinal);
        Assert.Equal(body, error.ResponseBody);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task GetImageToVideoResultAsync_NoRequestId_ThrowsBeforeSending(string requestId)
    {
        using var test = new TestClient(_ => Responses.Json("""{"status":"processing"}"""));

        await Assert.ThrowsAsync<ArgumentException>(() => test.Client.GetImageToVideoResultAsync(requestId));

        Assert.Empty(test.Handler.Requests);
    }
}
