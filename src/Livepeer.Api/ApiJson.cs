using System.Text.Json;
using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>The JSON settings of the wire format (property names are set on the records; nothing is indented).</summary>
public static class ApiJson
{
    /// <summary>Options for reading and writing API bodies.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,

        // API bodies are never embedded in HTML, so quotes and apostrophes in messages stay readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
