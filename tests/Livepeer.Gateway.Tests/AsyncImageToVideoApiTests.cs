using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Livepeer.Api;
using Livepeer.Gateway.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Livepeer.Gateway.Tests;

/// <summary>
/// go-livepeer's asynchronous image-to-video on the real host: input is checked before the 202, the job runs in the
/// background, and <c>/image-to-video/result</c> answers what the synchronous call would have.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed partial class AsyncImageToVideoApiTests(GatewayFactory factory)
{
    private const string NobodysModel = "nobody/none";
    private const string RespondAsync = "respond-async";

    private readonly HttpClient client = factory.CreateClient();

    private AsyncJobRegistry Registry => factory.Services.GetRequiredService<AsyncJobRegistry>();

    [Theory]
    [InlineData("/image-to-video/result")]
    [InlineData(ApiPaths.StudioPrefix + "/image-to-video/result")]
    public async Task Result_UnknownRequestId_400InvalidRequestId(string path)
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), Http.Json("""{"request_id":"0badf00d"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid request ID", await response.ErrorMessageAsync());
    }

    [Theory]
    [InlineData("""{"request_id":""}""")]
    [InlineData("""{"request_id":null}""")]
    [InlineData("""{"request_id":"not-an-id"}""")]
    public async Task Result_EmptyNullOrMalformedRequestId_400InvalidRequestId(string json)
    {
        using var response = await client.PostAsync(new Uri("/image-to-video/result", UriKind.Relative), Http.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid request ID", await response.ErrorMessageAsync());
    }

    [Theory]
    [InlineData("""{"request_id":""", "body.0:json_invalid")]
    [InlineData("""{}""", "body.request_id:missing")]
    [InlineData("""{"requestId":"0badf00d"}""", "body.request_id:missing")]
    [InlineData("""{"request_id":7}""", "body.request_id:string_type")]
    [InlineData("""["0badf00d"]""", "body:model_attributes_type")]
    [InlineData("", "body:missing")]
    public async Task Result_MalformedBody_422LikeTheOtherJsonEndpoints(string json, string expected)
    {
        using var response = await client.PostAsync(new Uri("/image-to-video/result", UriKind.Relative), Http.Json(json));

        var errors = await response.ValidationErrorsAsync();
        Assert.Contains(errors, e => e == expected || (expected.EndsWith(":json_invalid", StringComparison.Ordinal) && e.EndsWith(":json_invalid", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("60", "`height` and `width` have to be divisible by 8 but are 576 and 60.")]
    [InlineData("8192", "`height` and `width` must be between 1 and 4096 but are 576 and 8192.")]
    public async Task RespondAsync_InvalidInput_SynchronousErrorAndNoJob(string width, string message)
    {
        var jobsBefore = Registry.Count;

        using var response = await PostImageToVideoAsync(RespondAsync, "/image-to-video", ("model_id", NobodysModel), ("width", width));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await response.ErrorMessageAsync());
        Assert.False(response.Headers.Contains("Preference-Applied"));
        Assert.Equal(jobsBefore, Registry.Count);
    }

    [Fact]
    public async Task RespondAsync_MissingImage_Synchronous422AndNoJob()
    {
        var jobsBefore = Registry.Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/image-to-video") { Content = Http.Form(("model_id", NobodysModel)) };
        request.Headers.Add("Prefer", RespondAsync);

        using var response = await client.SendAsync(request);

        Assert.Equal(["body.image:missing"], await response.ValidationErrorsAsync());
        Assert.Equal(jobsBefore, Registry.Count);
    }

    [Fact]
    public async Task RespondAsync_NobodyOffersTheModel_202ThenCompleteWithTheSynchronousError()
    {
        using var synchronous = await PostImageToVideoAsync(null, "/image-to-video", ("model_id", NobodysModel));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, synchronous.StatusCode);
        var synchronousMessage = await synchronous.ErrorMessageAsync();

        using var accepted = await PostImageToVideoAsync(RespondAsync, "/image-to-video", ("model_id", NobodysModel));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("application/json", accepted.Content.Headers.ContentType?.MediaType);
        Assert.Equal("respond-async", Assert.Single(accepted.Headers.GetValues("Preference-Applied")));
        var body = await accepted.JsonAsync();
        var requestId = body.GetProperty("request_id").GetString()!;
        Assert.Matches(EightLowerHex(), requestId);
        Assert.Single(body.EnumerateObject());

        var result = await CompletedResultAsync(requestId);
        Assert.Equal(
            JsonSerializer.Serialize(new { status = "complete", result = new { error = new { message = synchronousMessage } } }, ApiJson.Options),
            result.GetRawText());
    }

    [Fact]
    public async Task RespondAsync_AmongOtherPreferences_StillAsynchronous()
    {
        using var accepted = await PostImageToVideoAsync("wait=5, Respond-Async", "/image-to-video", ("model_id", NobodysModel));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var requestId = (await accepted.JsonAsync()).GetProperty("request_id").GetString()!;
        Assert.Equal("complete", (await CompletedResultAsync(requestId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Result_ForTheStudioPrefixedStart_FoundAtEitherPath()
    {
        using var accepted = await PostImageToVideoAsync(RespondAsync, ApiPaths.StudioPrefix + "/image-to-video", ("model_id", NobodysModel));
        var requestId = (await accepted.JsonAsync()).GetProperty("request_id").GetString()!;
        await Registry.WhenFinishedAsync(requestId).WaitAsync(TimeSpan.FromSeconds(30));

        using var prefixed = await PollAsync(requestId, ApiPaths.StudioPrefix + "/image-to-video/result");
        using var root = await PollAsync(requestId, "/image-to-video/result");

        Assert.Equal(HttpStatusCode.OK, prefixed.StatusCode);
        Assert.Equal((await prefixed.JsonAsync()).GetRawText(), (await root.JsonAsync()).GetRawText());
    }

    [Fact]
    public async Task OpenApi_DocumentsThe202AndTheResultPath()
    {
        var paths = (await (await client.GetAsync(new Uri("/openapi.json", UriKind.Relative))).JsonAsync()).GetProperty("paths");

        var start = paths.GetProperty("/image-to-video").GetProperty("post");
        Assert.True(start.GetProperty("responses").TryGetProperty("202", out _));
        Assert.Contains("Prefer: respond-async", start.GetProperty("description").GetString(), StringComparison.Ordinal);
        var poll = paths.GetProperty("/image-to-video/result").GetProperty("post");
        Assert.True(poll.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(poll.GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(poll.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }

    /// <summary>Waits for the job without polling on a timer, then reads its one final answer.</summary>
    private async Task<JsonElement> CompletedResultAsync(string requestId)
    {
        await Registry.WhenFinishedAsync(requestId).WaitAsync(TimeSpan.FromSeconds(30));
        using var response = await PollAsync(requestId, "/image-to-video/result");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private Task<HttpResponseMessage> PollAsync(string requestId, string path) =>
        client.PostAsync(new Uri(path, UriKind.Relative), Http.Json($$"""{"request_id":"{{requestId}}"}"""));

    private async Task<HttpResponseMessage> PostImageToVideoAsync(string? prefer, string path, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Http.Form(fields).WithFile("image", TestImages.Png()) };
        if (prefer is not null) request.Headers.TryAddWithoutValidation("Prefer", prefer);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("^[0-9a-f]{8}$")]
    private static partial Regex EightLowerHex();
}
