using System.Net;
using System.Text.Json;
using Livepeer.Api;

namespace Livepeer.Client;

/// <summary>Turns an error answer, in any of the forms gateways send (livepeer-ai-api.md §2.4), into a <see cref="LivepeerApiException"/>.</summary>
internal static class ErrorResponses
{
    private const int MaxBodyInMessage = 1000;

    public static LivepeerApiException Create(HttpResponseMessage response, string body, TimeProvider clock)
    {
        var (message, validationErrors) = Parse(body);
        message ??= BodyAsMessage(body) ?? response.ReasonPhrase ?? $"HTTP {(int)response.StatusCode}";
        return new LivepeerApiException(
            response.StatusCode,
            message,
            body,
            validationErrors,
            RetryAfter(response, clock),
            response.Headers.TryGetValues("WWW-Authenticate", out var challenges) ? string.Join(", ", challenges) : null);
    }

    /// <summary>An error sent inside a successful answer, e.g. the runner's <c>data: {"error": "…"}</c> stream event.</summary>
    public static LivepeerApiException InBody(HttpStatusCode status, JsonElement error, string body)
    {
        var message = error.ValueKind switch
        {
            JsonValueKind.String => error.GetString(),
            JsonValueKind.Object => StringProperty(error, "message") ?? StringProperty(error, "msg"),
            _ => null,
        };
        return new LivepeerApiException(status, message ?? BodyAsMessage(body) ?? "The server reported an error.", body);
    }

    private static (string? Message, IReadOnlyList<ValidationError>? Errors) Parse(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null);

            var detail = root.TryGetProperty("detail", out var d) ? d : default;
            var errors = detail.ValueKind == JsonValueKind.Array ? ValidationErrors(detail) : null;
            var message = (detail.ValueKind == JsonValueKind.Object ? StringProperty(detail, "msg") : null)
                ?? (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? StringProperty(error, "message") : null)
                ?? (detail.ValueKind == JsonValueKind.String ? detail.GetString() : null)
                ?? Summary(errors)
                ?? StudioErrors(root);
            return (message, errors);
        }
    }

    private static List<ValidationError>? ValidationErrors(JsonElement detail)
    {
        try
        {
            return detail.Deserialize<List<ValidationError>>(ApiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // "body.prompt: Field required; body.image: Field required", so the message alone says what to fix.
    private static string? Summary(IReadOnlyList<ValidationError>? errors) =>
        errors is { Count: > 0 } ? string.Join("; ", errors.Select(e => $"{string.Join('.', e.Loc ?? [])}: {e.Msg}")) : null;

    // Livepeer Studio answers {"errors": ["…"]}.
    private static string? StudioErrors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array) return null;
        var texts = errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()).ToList();
        return texts.Count > 0 ? string.Join("; ", texts) : null;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? BodyAsMessage(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.Length == 0) return null;
        return trimmed.Length <= MaxBodyInMessage ? trimmed : string.Concat(trimmed.AsSpan(0, MaxBodyInMessage), "…");
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is not { } date) return null;
        var wait = date - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
