using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary><c>POST /segment-anything-2</c> form fields besides the <c>image</c> file (livepeer-ai-api.md §3.6).</summary>
public sealed record SegmentAnything2Request
{
    /// <summary>Model id; absent or empty means the gateway's default.</summary>
    [JsonPropertyName("model_id")] public string ModelId { get; init; } = "";

    /// <summary>JSON text <c>[[x,y],…]</c>.</summary>
    [JsonPropertyName("point_coords"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PointCoords { get; init; }

    /// <summary>JSON text <c>[1,0,…]</c> (1 foreground, 0 background).</summary>
    [JsonPropertyName("point_labels"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PointLabels { get; init; }

    /// <summary>JSON text <c>[x1,y1,x2,y2]</c>.</summary>
    [JsonPropertyName("box"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Box { get; init; }

    /// <summary>JSON text of a 1×256×256 mask.</summary>
    [JsonPropertyName("mask_input"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? MaskInput { get; init; }

    /// <summary>Return several masks. Default true.</summary>
    [JsonPropertyName("multimask_output")] public bool MultimaskOutput { get; init; } = true;

    /// <summary>Return logits. Default true.</summary>
    [JsonPropertyName("return_logits")] public bool ReturnLogits { get; init; } = true;

    /// <summary>Coordinates are normalized. Default true.</summary>
    [JsonPropertyName("normalize_coords")] public bool NormalizeCoords { get; init; } = true;
}
