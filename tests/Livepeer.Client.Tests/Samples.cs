namespace Livepeer.Client.Tests;

/// <summary>Response bodies in the shapes of livepeer-ai-api.md §4, as a gateway sends them.</summary>
internal static class Samples
{
    public const string ImageJson = """{"images":[{"url":"/stream/0a1b2c3d/4e5f6a7b.png","seed":4294967295,"nsfw":false},{"url":"https://store.example/0a1b2c3d/5f6a7b8c.png","seed":0,"nsfw":true}]}""";

    public const string VideoJson = """{"images":[{"url":"/stream/2b835716/01c0e9a6.mp4","seed":7,"nsfw":false}]}""";

    public const string TextJson = """{"text":" Hello there.","chunks":[{"timestamp":[0.0,1.5],"text":" Hello"},{"timestamp":[1.5,null],"text":" there."}]}""";

    public const string MasksJson = """{"masks":"[[[0, 1], [1, 0]]]","scores":"[0.98, 0.71, 0.33]","logits":"[[[-1.5, 2.0]]]"}""";

    public const string CaptionJson = """{"text":"a cat sitting on a mat"}""";

    public const string AudioJson = """{"audio":{"url":"/stream/0a1b2c3d/4e5f6a7b.wav"}}""";

    public const string LlmJson = """{"id":"chatcmpl-1","model":"meta-llama/Meta-Llama-3.1-8B-Instruct","created":1735689600,"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7},"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hello!"}}]}""";

    /// <summary>A streamed chunk carrying <paramref name="content"/> as its delta.</summary>
    public static string LlmChunk(string content, string finishReason = "") =>
        $$$"""{"id":"chatcmpl-1","model":"m","created":1735689600,"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6},"choices":[{"index":0,"finish_reason":"{{{finishReason}}}","delta":{"role":"assistant","content":"{{{content}}}"}}]}""";
}
