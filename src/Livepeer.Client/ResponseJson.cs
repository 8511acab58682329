using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Livepeer.Api;

namespace Livepeer.Client;

/// <summary>Reads success bodies strictly: a missing or null required field is an error, not a half-filled record.</summary>
internal static class ResponseJson
{
    private static readonly JsonSerializerOptions Strict = CreateStrict();

    /// <exception cref="LivepeerApiException">The body is not a <typeparamref name="T"/>.</exception>
    public static T Parse<T>(HttpStatusCode status, string body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Strict) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException e)
        {
            throw new LivepeerApiException(status, $"The response body was not the expected shape ({typeof(T).Name}): {e.Message}", body, innerException: e);
        }
    }

    /// <summary>The <c>202</c> of an asynchronous request: its request id, which must not be empty.</summary>
    public static string ParseAccepted(HttpStatusCode status, string body)
    {
        var accepted = Parse<AsyncJobAccepted>(status, body);
        return accepted.RequestId.Length > 0
            ? accepted.RequestId
            : throw new LivepeerApiException(status, "The response body was not the expected shape (AsyncJobAccepted): request_id is empty.", body);
    }

    /// <summary>A poll's answer: <c>processing</c>, or <c>complete</c> with exactly one of <c>images</c> and <c>error</c>.</summary>
    public static ImageToVideoStatus ParseImageToVideoStatus(HttpStatusCode status, string body)
    {
        var job = Parse<AsyncJobStatus>(status, body);
        return job switch
        {
            { Status: AsyncJobStatus.Processing } => new ImageToVideoStatus(AsyncJobState.Processing),
            { Status: AsyncJobStatus.Complete, Result: { Error: { } error, Images: null } } => new ImageToVideoStatus(AsyncJobState.Failed, ErrorMessage: error.Message),
            { Status: AsyncJobStatus.Complete, Result: { Images: { } images, Error: null } } => new ImageToVideoStatus(AsyncJobState.Succeeded, new VideoResponse(images)),
            _ => throw new LivepeerApiException(status, $"The response body was not the expected shape (AsyncJobStatus): status '{job.Status}' with {Describe(job.Result)}.", body),
        };
    }

    /// <summary>An LLM answer; <c>finish_reason</c> may be missing or null (only <c>index</c> is required of a choice) and reads as empty.</summary>
    public static LlmResponse ParseLlm(HttpStatusCode status, string body)
    {
        var response = Parse<LlmResponse>(status, body);
        return response.Choices.Any(c => c.FinishReason is null)
            ? response with { Choices = [.. response.Choices.Select(c => c with { FinishReason = c.FinishReason ?? "" })] }
            : response;
    }

    /// <summary>One server-sent LLM event: a chunk, or an <c>{"error": …}</c> object, which is thrown.</summary>
    public static LlmResponse ParseLlmEvent(HttpStatusCode status, string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind != JsonValueKind.Null)
            {
                throw ErrorResponses.InBody(status, error, data);
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: ParseLlm reports it as a shape error.
        }

        return ParseLlm(status, data);
    }

    private static string Describe(AsyncJobResult? result) => result switch
    {
        null => "no result",
        { Images: null, Error: null } => "an empty result",
        { Images: not null, Error: not null } => "both images and an error",
        _ => "a result",
    };

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(ApiJson.Options)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OptionalFinishReason } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void OptionalFinishReason(JsonTypeInfo type)
    {
        if (type.Type != typeof(LlmChoice)) return;
        foreach (var property in type.Properties)
        {
            if (property.Name != "finish_reason") continue;
            property.IsRequired = false;
            property.IsSetNullable = true;
        }
    }
}
