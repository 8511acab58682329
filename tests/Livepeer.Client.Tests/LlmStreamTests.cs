using System.IO.Pipelines;
using System.Net;
using System.Text;

namespace Livepeer.Client.Tests;

/// <summary><c>POST /llm</c> with <c>stream: true</c>: server-sent events as the runner and the go-livepeer gateway send them (livepeer-ai-api.md §3.7).</summary>
public sealed class LlmStreamTests
{
    private static readonly LlmRequest Hello = new() { Messages = [new LlmMessage("user", "Hi")] };

    [Fact]
    public async Task LlmStream_EndsWithDone_YieldsEachChunkAndIgnoresTheRest()
    {
        var events = $"data: {Samples.LlmChunk("Hel")}\n\ndata: {Samples.LlmChunk("lo", "stop")}\n\ndata: [DONE]\n\ndata: {Samples.LlmChunk("ignored")}\n\n";
        using var test = new TestClient(_ => Responses.EventStream(events));

        var chunks = await ReadAllAsync(test.Client.LlmStreamAsync(Hello));

        Assert.Equal(["Hel", "lo"], chunks.Select(c => c.Choices[0].Delta!.Content));
        Assert.Equal(["", "stop"], chunks.Select(c => c.Choices[0].FinishReason));
    }

    [Fact]
    public async Task LlmStream_Request_AsksForEventsWithStreamTrue()
    {
        using var test = new TestClient(_ => Responses.EventStream("data: [DONE]\n\n"), o => o.BearerToken = "t");

        await ReadAllAsync(test.Client.LlmStreamAsync(Hello));

        var request = test.Request;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://gateway.test:9935/llm", request.Uri.AbsoluteUri);
        Assert.Equal("text/event-stream", request.Header("Accept"));
        Assert.Equal("Bearer t", request.Header("Authorization"));
        Assert.Equal(
            """{"messages":[{"role":"user","content":"Hi"}],"model":"","temperature":0.7,"max_tokens":256,"top_p":1,"top_k":-1,"stream":true}""",
            request.BodyText);
    }

    [Fact]
    public async Task LlmStream_NoDone_EndsWithTheStream()
    {
        // go-livepeer's gateway stops after the chunk with a finish_reason and sends no [DONE].
        var events = $"data: {Samples.LlmChunk("Hi")}\n\ndata: {Samples.LlmChunk("!", "stop")}\n\n";
        using var test = new TestClient(_ => Responses.EventStream(events));

        var chunks = await ReadAllAsync(test.Client.LlmStreamAsync(Hello));

        Assert.Equal(["Hi", "!"], chunks.Select(c => c.Choices[0].Delta!.Content));
    }

    [Fact]
    public async Task LlmStream_LastEventWithoutBlankLine_IsDroppedAsTheSseStandardSays()
    {
        // An event counts only once a blank line ends it (WHATWG HTML, server-sent events); a cut-off tail is not half-read.
        using var test = new TestClient(_ => Responses.EventStream($"data: {Samples.LlmChunk("a")}\n\ndata: {Samples.LlmChunk("b", "stop")}"));

        var chunks = await ReadAllAsync(test.Client.LlmStreamAsync(Hello));

        Assert.Equal(["a"], chunks.Select(c => c.Choices[0].Delta!.Content));
    }

    [Fact]
    public async Task LlmStream_CrLfCommentsAndOtherFields_AreTolerated()
    {
        var events = $": keep-alive\r\nevent: message\r\nid: 1\r\ndata: {Samples.LlmChunk("a")}\r\n\r\n\r\ndata: {Samples.LlmChunk("b")}\r\n\r\n";
        using var test = new TestClient(_ => Responses.EventStream(events));

        var chunks = await ReadAllAsync(test.Client.LlmStreamAsync(Hello));

        Assert.Equal(["a", "b"], chunks.Select(c => c.Choices[0].Delta!.Content));
    }

    [Theory]
    [InlineData("""{"error":"CUDA out of memory"}""", "CUDA out of memory")]
    [InlineData("""{"error":{"message":"stream failed"}}""", "stream failed")]
    public async Task LlmStream_ErrorEvent_ThrowsAfterTheEarlierChunks(string errorEvent, string message)
    {
        var events = $"data: {Samples.LlmChunk("partial")}\n\ndata: {errorEvent}\n\n";
        using var test = new TestClient(_ => Responses.EventStream(events));
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<LivepeerApiException>(async () =>
        {
            await foreach (var chunk in test.Client.LlmStreamAsync(Hello)) received.Add(chunk.Choices[0].Delta!.Content);
        });

        Assert.Equal(["partial"], received);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(message, error.Message);
        Assert.Equal(errorEvent, error.ResponseBody);
    }

    [Fact]
    public async Task LlmStream_ChunkOfTheWrongShape_Throws()
    {
        using var test = new TestClient(_ => Responses.EventStream("data: {\"choices\":\"nope\"}\n\n"));

        var error = await Assert.ThrowsAsync<LivepeerApiException>(() => ReadAllAsync(test.Client.LlmStreamAsync(Hello)));

        Assert.StartsWith("The response body was not the expected shape (LlmResponse)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LlmStream_ErrorStatus_ThrowsBeforeAnyChunk()
    {
        using var test = new TestClient(_ => Responses.Json("""{"detail":{"msg":"Internal server error during LLM processing."}}""", HttpStatusCode.InternalServerError));

        var error = await Assert.ThrowsAsync<LivepeerApiException>(() => ReadAllAsync(test.Client.LlmStreamAsync(Hello)));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("Internal server error during LLM processing.", error.Message);
    }

    [Fact]
    public async Task LlmStream_ServerAnswersPlainJson_YieldsThatOneResponse()
    {
        using var test = new TestClient(_ => Responses.Json(Samples.LlmJson));

        var chunks = await ReadAllAsync(test.Client.LlmStreamAsync(Hello));

        Assert.Equal("Hello!", Assert.Single(chunks).Choices[0].Message!.Content);
    }

    [Fact]
    public async Task LlmStream_ChunksArriveBeforeTheStreamEnds()
    {
        var pipe = new Pipe();
        using var test = new TestClient(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(pipe.Reader.AsStream()) };
            response.Content.Headers.ContentType = new("text/event-stream");
            return response;
        });
        await WriteAsync(pipe, $"data: {Samples.LlmChunk("first")}\n\n");

        await using var chunks = test.Client.LlmStreamAsync(Hello).GetAsyncEnumerator();
        Assert.True(await chunks.MoveNextAsync());
        Assert.Equal("first", chunks.Current.Choices[0].Delta!.Content);

        await WriteAsync(pipe, $"data: {Samples.LlmChunk("second", "stop")}\n\n");
        Assert.True(await chunks.MoveNextAsync());
        Assert.Equal("second", chunks.Current.Choices[0].Delta!.Content);

        await pipe.Writer.CompleteAsync();
        Assert.False(await chunks.MoveNextAsync());
    }

    [Fact]
    public void LlmStream_NullRequest_ThrowsAtTheCall()
    {
        using var test = new TestClient(_ => Responses.EventStream(""));

        Assert.Throws<ArgumentNullException>(() => test.Client.LlmStreamAsync(null!));
    }

    private static async Task WriteAsync(Pipe pipe, string text)
    {
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(text));
        await pipe.Writer.FlushAsync();
    }

    private static async Task<List<LlmResponse>> ReadAllAsync(IAsyncEnumerable<LlmResponse> stream)
    {
        var chunks = new List<LlmResponse>();
        await foreach (var chunk in stream) chunks.Add(chunk);
        return chunks;
    }
}
