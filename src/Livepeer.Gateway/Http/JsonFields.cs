using System.Globalization;
using System.Text.Json;
using Livepeer.Api;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Http;

/// <summary>
/// Reads a JSON body with pydantic's lax rules: integers may come as whole floats or numeric strings, numbers as
/// numeric strings, booleans as their string spellings; wrong types and missing required fields are collected into
/// one 422 in FastAPI's shape.
/// </summary>
internal sealed class JsonFields : IDisposable
{
    private readonly JsonDocument document;
    private readonly List<ValidationError> errors = [];

    private JsonFields(JsonDocument document) => this.document = document;

    public JsonElement Root => document.RootElement;

    /// <summary>Wraps a JSON object text (tests build one directly).</summary>
    internal static JsonFields Parse(string json) => new(JsonDocument.Parse(json));

    /// <summary>Parses the body; malformed JSON, an empty body or a non-object → 422 at once.</summary>
    public static async Task<JsonFields> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException e) when (e.BytePositionInLine is not null || e.LineNumber is not null)
        {
            if (e.LineNumber == 0 && e.BytePositionInLine == 0 && request.ContentLength is null or 0)
                throw new RequestValidationException([ValidationMessages.MissingBody()]);
            throw new RequestValidationException([ValidationMessages.JsonInvalid(e.BytePositionInLine ?? 0, e.Message)]);
        }
        catch (JsonException e)
        {
            throw new RequestValidationException([ValidationMessages.JsonInvalid(0, e.Message)]);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind.ToString();
            document.Dispose();
            throw new RequestValidationException([ValidationMessages.NotAnObject(["body"], kind)]);
        }

        return new JsonFields(document);
    }

    public string? String(string name) => String(Root, name, ["body", name]);

    public string RequiredString(string name)
    {
        if (!Root.TryGetProperty(name, out _))
        {
            errors.Add(ValidationMessages.Missing(name));
            return "";
        }

        return String(name) ?? "";
    }

    /// <summary>A string property of <paramref name="element"/> (null when absent or JSON null).</summary>
    public string? String(JsonElement element, string name, object[] loc)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        errors.Add(new ValidationError(loc, "Input should be a valid string", "string_type", value.GetRawText()));
        return null;
    }

    public int Int(string name, int fallback)
    {
        if (!Root.TryGetProperty(name, out var value)) return fallback;
        if (TryInt(value, out var number) && number is >= int.MinValue and <= int.MaxValue) return (int)number;
        AddIntError(name, value);
        return fallback;
    }

    public long? Long(string name)
    {
        if (!Root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (TryInt(value, out var number)) return number;
        AddIntError(name, value);
        return null;
    }

    public double Double(string name, double fallback)
    {
        if (!Root.TryGetProperty(name, out var value)) return fallback;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number):
                return number;
            case JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed):
                return parsed;
            case JsonValueKind.String:
                errors.Add(ValidationMessages.FloatParsing(name, value.GetString()!));
                return fallback;
            default:
                errors.Add(ValidationMessages.FloatType(name, value.GetRawText()));
                return fallback;
        }
    }

    public bool Bool(string name, bool fallback)
    {
        if (!Root.TryGetProperty(name, out var value)) return fallback;
        switch (value.ValueKind)
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Number when value.TryGetInt32(out var number) && number is 0 or 1: return number == 1;
            case JsonValueKind.String when Booleans.TryParse(value.GetString()!, out var parsed): return parsed;
            case JsonValueKind.String:
                errors.Add(ValidationMessages.BoolParsing(name, value.GetString()!));
                return fallback;
            default:
                errors.Add(ValidationMessages.BoolType(name, value.GetRawText()));
                return fallback;
        }
    }

    /// <summary>Adds a violation found by an endpoint's own checks of nested values.</summary>
    public void Add(ValidationError error) => errors.Add(error);

    public void ThrowIfInvalid()
    {
        if (errors.Count > 0) throw new RequestValidationException(errors);
    }

    public void Dispose() => document.Dispose();

    private static bool TryInt(JsonElement value, out long number)
    {
        number = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt64(out number):
                return true;
            case JsonValueKind.Number when value.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9.2e18:
                number = (long)d;
                return true;
            case JsonValueKind.String:
                return long.TryParse(value.GetString()!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
            default:
                return false;
        }
    }

    private void AddIntError(string name, JsonElement value) =>
        errors.Add(value.ValueKind switch
        {
            JsonValueKind.String => ValidationMessages.IntParsing(name, value.GetString()!),
            JsonValueKind.Number => ValidationMessages.IntFromFloat(name, value.GetDouble()),
            _ => ValidationMessages.IntType(name, value.GetRawText()),
        });
}
