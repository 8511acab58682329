using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>One schema violation, in FastAPI's shape.</summary>
/// <param name="Loc">Where: e.g. <c>["body", "prompt"]</c>.</param>
/// <param name="Msg">What is wrong, e.g. <c>Field required</c>.</param>
/// <param name="Type">Error type, e.g. <c>missing</c>, <c>int_parsing</c>.</param>
/// <param name="Input">The offending input, when there was one.</param>
public sealed record ValidationError(
    [property: JsonPropertyName("loc")] IReadOnlyList<object> Loc,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("input"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Input = null);
