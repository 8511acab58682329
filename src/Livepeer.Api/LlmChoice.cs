using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>One LLM answer (or, when streaming, one delta).</summary>
/// <param name="Index">Choice index.</param>
/// <param name="FinishReason"><c>stop</c>, <c>length</c>, or empty while streaming.</param>
/// <param name="Message">The answer (non-streaming).</param>
/// <param name="Delta">The next piece (streaming).</param>
public sealed record LlmChoice(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("finish_reason")] string FinishReason,
    [property: JsonPropertyName("message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LlmMessage? Message = null,
    [property: JsonPropertyName("delta"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LlmMessage? Delta = null);
