using Livepeer.Testing;
using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Livepeer.Client.Tests;

/// <summary>Every error form of livepeer-ai-api.md §2.4 becomes a <see cref="LivepeerApiException"/> with the server's message.</summary>
public sealed class ErrorResponseTests
{
    [Fact]
    public async Task Error_DetailOnly_UsesDetailMsg()
    {
        const string body = """{"detail":{"msg":"Prompt must be provided."}}""";

        var error = await FailAsync(Responses.Json(body, HttpStatusCode.BadRequest));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Prompt must be provided.", error.Message);
        Assert.Equal(body, error.ResponseBody);
        Assert.Null(error.ValidationErrors);
        Assert.Null(error.RetryAfter);
        Assert.Null(error.WwwAuthenticate);
    }

    [Fact]
    public async Task Error_GoLivepeerFormOnly_UsesErrorMessage()
    {
        var error = await FailAsync(Responses.Json("""{"error":{"message":": pipeline configured with a but called with b."}}""", HttpStatusCode.BadRequest));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(": pipeline configured with a but called with b.", error.Message);
    }

    [Fact]
    public async Task Error_BothForms_PrefersDetailMsg()
    {
        var error = await FailAsync(Responses.Json("""{"detail":{"msg":"from detail"},"error":{"message":"from error"}}""", HttpStatusCode.InternalServerError));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("from detail", error.Message);
    }

    [Fact]
    public async Task Error_422List_ExposesEveryViolation()
    {
        const string body = """{"detail":[{"type":"missing","loc":["body","prompt"],"msg":"Field required","input":null},{"type":"int_parsing","loc":["body","images",0],"msg":"Input should be a valid integer","input":"x"}]}""";

        var error = await FailAsync(Responses.Json(body, HttpStatusCode.UnprocessableEntity));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.NotNull(error.ValidationErrors);
        Assert.Equal(2, error.ValidationErrors.Count);
        var first = error.ValidationErrors[0];
        Assert.Equal(["body", "prompt"], first.Loc.Select(l => l.ToString()));
        Assert.Equal("Field required", first.Msg);
        Assert.Equal("missing", first.Type);
        Assert.Equal("int_parsing", error.ValidationErrors[1].Type);
        Assert.Equal("body.prompt: Field required; body.images.0: Input should be a valid integer", error.Message);
    }

    [Fact]
    public async Task Error_401WithChallenge_ExposesWwwAuthenticate()
    {
        var response = Responses.Json("""{"detail":{"msg":"Invalid bearer token."}}""", HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ParseAdd("Bearer");

        var error = await FailAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Invalid bearer token.", error.Message);
        Assert.Equal("Bearer", error.WwwAuthenticate);
    }

    [Fact]
    public async Task Error_503RetryAfterSeconds_ExposesTheDelay()
    {
        var response = Responses.Json("""{"detail":{"msg":"Service Unavailable Error"},"error":{"message":"Service Unavailable Error"}}""", HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "7");

        var error = await FailAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("Service Unavailable Error", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Theory]
    [InlineData("Wed, 21 Oct 2026 07:28:30 GMT", 30)]
    [InlineData("Wed, 21 Oct 2026 07:27:00 GMT", 0)]
    public async Task Error_503RetryAfterDate_IsTheTimeUntilThatDate(string date, int expectedSeconds)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 21, 7, 28, 0, TimeSpan.Zero));
        var response = Responses.Json("""{"detail":{"msg":"busy"}}""", HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", date);

        var error = await FailAsync(response, o => o.TimeProvider = clock);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), error.RetryAfter);
    }

    [Fact]
    public async Task Error_NonJson500_UsesTheBody()
    {
        var error = await FailAsync(Responses.Text("insufficient capacity\n", HttpStatusCode.InternalServerError));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("insufficient capacity", error.Message);
        Assert.Equal("insufficient capacity\n", error.ResponseBody);
    }

    [Fact]
    public async Task Error_EmptyBody_UsesTheReasonPhrase()
    {
        var error = await FailAsync(Responses.Empty(HttpStatusCode.BadGateway));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("Bad Gateway", error.Message);
        Assert.Equal("", error.ResponseBody);
    }

    [Fact]
    public async Task Error_StringDetail_UsesIt()
    {
        var error = await FailAsync(Responses.Json("""{"detail":"Not Found"}""", HttpStatusCode.NotFound));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("Not Found", error.Message);
    }

    [Fact]
    public async Task Error_StudioErrorsList_JoinsThem()
    {
        var error = await FailAsync(Responses.Json("""{"errors":["Failed to generate text-to-image"]}""", HttpStatusCode.InternalServerError));

        Assert.Equal("Failed to generate text-to-image", error.Message);
    }

    [Fact]
    public async Task Error_HugeHtmlBody_IsShortenedInTheMessageOnly()
    {
        var html = "<html>" + new string('x', 5000) + "</html>";

        var error = await FailAsync(Responses.Text(html, HttpStatusCode.BadGateway, "text/html"));

        Assert.Equal(1001, error.Message.Length);
        Assert.EndsWith("…", error.Message, StringComparison.Ordinal);
        Assert.Equal(html, error.ResponseBody);
    }

    [Theory]
    [InlineData("""{"image":[]}""")]
    [InlineData("""{"images":[{"url":"u","seed":1}]}""")]
    [InlineData("""{"images":[{"url":"u","seed":1,"nsfw":null}]}""")]
    [InlineData("""{"images":[{"url":"u","seed":1.5,"nsfw":false}]}""")]
    [InlineData("""{"images":null}""")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("<html>ok</html>")]
    public async Task Success_WrongShape_ThrowsWithStatus200(string body)
    {
        var error = await FailAsync(Responses.Text(body, HttpStatusCode.OK, "application/json"));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.StartsWith("The response body was not the expected shape (ImageResponse)", error.Message, StringComparison.Ordinal);
        Assert.Equal(body, error.ResponseBody);
    }

    [Fact]
    public async Task Error_OnAMultipartPipeline_IsReadTheSameWay()
    {
        using var test = new TestClient(_ => Responses.Json("""{"detail":{"msg":"File size exceeds limit."}}""", HttpStatusCode.RequestEntityTooLarge));

        var error = await Assert.ThrowsAsync<LivepeerApiException>(
            () => test.Client.AudioToTextAsync(new AudioToTextRequest(), new LivepeerFile(TestMedia.Wav(TimeSpan.FromMilliseconds(10)))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        Assert.Equal("File size exceeds limit.", error.Message);
    }

    private static async Task<LivepeerApiException> FailAsync(HttpResponseMessage response, Action<LivepeerClientOptions>? configure = null)
    {
        using var test = new TestClient(_ => response, configure);
        return await Assert.ThrowsAsync<LivepeerApiException>(() => test.Client.TextToImageAsync(new TextToImageRequest { Prompt = "p" }));
    }
}
