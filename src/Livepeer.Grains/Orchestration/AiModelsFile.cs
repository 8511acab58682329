using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Livepeer.Contracts;
using Livepeer.Pipelines;

namespace Livepeer.Grains.Orchestration;

/// <summary>
/// Reads go-livepeer's <c>aiModels.json</c> (a JSON array of model entries) into capabilities, with the same field
/// names and rules: <c>price_per_unit</c> must be a JSON number, one model may not be both warm and cold, entries for
/// the same model add their capacity. Stricter where go-livepeer panics or silently misbehaves: every error names the
/// entry and field.
/// </summary>
public static class AiModelsFile
{
    /// <summary>The <c>gateway</c> value of a price that applies to every gateway.</summary>
    public const string DefaultGateway = "default";

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    /// <exception cref="AiModelsException">The file is missing, not JSON, or an entry is wrong.</exception>
    public static ImmutableArray<ModelCapability> Load(string path)
    {
        if (!File.Exists(path))
            throw new AiModelsException($"aiModels file '{Path.GetFullPath(path)}' does not exist.");
        return Parse(File.ReadAllText(path));
    }

    /// <summary>Parses the JSON text of an aiModels file.</summary>
    /// <exception cref="AiModelsException">The text is not a JSON array or an entry is wrong.</exception>
    public static ImmutableArray<ModelCapability> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new AiModelsException($"aiModels is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new AiModelsException("aiModels must be a JSON array of model entries.");

            var merged = new Dictionary<(string Pipeline, string ModelId, string Gateway), ModelCapability>();
            var warmth = new Dictionary<string, bool>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var entry = new Entry(element, index++);
                var capability = entry.ToCapability();
                if (warmth.TryGetValue(capability.ModelId, out var warm) && warm != capability.Warm)
                    throw entry.Error("warm", $"model '{capability.ModelId}' is listed both warm and cold");
                warmth[capability.ModelId] = capability.Warm;

                var key = (capability.Pipeline, capability.ModelId, capability.Gateway);
                merged[key] = merged.TryGetValue(key, out var earlier)
                    ? earlier with { Capacity = checked(earlier.Capacity + capability.Capacity) }
                    : capability;
            }

            return [.. merged.Values];
        }
    }

    private readonly struct Entry(JsonElement element, int index)
    {
        public ModelCapability ToCapability()
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw Error(null, "must be a JSON object");

            var pipeline = RequiredString("pipeline");
            if (!PipelineNames.IsKnown(pipeline))
                throw Error("pipeline", $"unknown pipeline '{pipeline}' (known: {string.Join(", ", PipelineNames.All.Order(StringComparer.Ordinal))})");
            var modelId = RequiredString("model_id");
            if (OptionalString("url") is { Length: > 0 })
                throw Error("url", "external runners are not supported; run a worker silo with the model installed instead");

            var capacity = OptionalInteger("capacity") ?? 1;
            if (capacity <= 0)
                throw Error("capacity", $"must be a positive integer, got {capacity}");
            var pixelsPerUnit = OptionalInteger("pixels_per_unit") ?? 1;
            if (pixelsPerUnit <= 0)
                throw Error("pixels_per_unit", $"must be a positive integer, got {pixelsPerUnit}");

            return new ModelCapability(
                pipeline,
                modelId,
                OptionalBool("warm") ?? false,
                checked((int)capacity),
                Price(),
                pixelsPerUnit,
                OptionalString("currency") is { Length: > 0 } currency ? currency : "wei",
                OptionalString("gateway") is { Length: > 0 } gateway ? gateway : DefaultGateway);
        }

        public AiModelsException Error(string? field, string message) =>
            new(field is null ? $"aiModels entry {index}: {message}." : $"aiModels entry {index} '{field}': {message}.");

        private decimal Price()
        {
            if (!element.TryGetProperty("price_per_unit", out var value) || value.ValueKind == JsonValueKind.Null)
                return 0m;
            if (value.ValueKind != JsonValueKind.Number)
                throw Error("price_per_unit", $"must be a JSON number (as go-livepeer requires), got {value.ValueKind}");
            if (!decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var price) || price < 0)
                throw Error("price_per_unit", $"must be a non-negative number, got {value.GetRawText()}");
            return price;
        }

        private string RequiredString(string field) =>
            OptionalString(field) is { Length: > 0 } text ? text : throw Error(field, "is required");

        private string? OptionalString(string field)
        {
            if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error(field, $"must be a string, got {value.ValueKind}");
        }

        private long? OptionalInteger(string field)
        {
            if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
                ? number
                : throw Error(field, $"must be an integer, got {value.GetRawText()}");
        }

        private bool? OptionalBool(string field)
        {
            if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error(field, $"must be true or false, got {value.GetRawText()}"),
            };
        }
    }
}
