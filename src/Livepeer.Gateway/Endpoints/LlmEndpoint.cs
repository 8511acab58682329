using System.Text.Json;
using Livepeer.Api;
using Livepeer.Gateway.Http;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary>
/// <c>POST /llm</c>: JSON <see cref="LlmRequest"/>; answers <see cref="LlmResponse"/>, or with <c>stream: true</c> the same
/// answer as server-sent events ending in <c>data: [DONE]</c> (for raw clients; the JS SDK cannot read SSE).
/// </summary>
internal static class LlmEndpoint
{
    public static void Map(ApiGroup api) =>
        api.MapApiPost<LlmResponse>(ApiPaths.Llm, HandleAsync, "genLLM", "Large language model", typeof(LlmRequest), "application/json");

    /// <summary>The body's fields with the runner's defaults; 422 for schema violations (nested ones located), 400 for empty messages.</summary>
    internal static LlmRequest Bind(JsonFields json)
    {
        var messages = ReadMessages(json);
        var request = new LlmRequest
        {
            Messages = messages,
            Model = json.String("model") ?? "",
            Temperature = json.Double("temperature", 0.7),
            MaxTokens = json.Int("max_tokens", 256),
            TopP = json.Double("top_p", 1.0),
            TopK = json.Int("top_k", -1),
            Stream = json.Bool("stream", false),
        };
        json.ThrowIfInvalid();
        if (request.Messages.Count == 0)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "`messages` must contain at least one message.");
        if (request.MaxTokens <= 0)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"`max_tokens` must be positive but is {request.MaxTokens}.");
        return request;
    }

    private static async Task<IResult> HandleAsync(HttpRequest http, JobGateway gateway, CancellationToken cancellationToken)
    {
        using var json = await JsonFields.ReadAsync(http, cancellationToken);
        var request = Bind(json);
        var job = JobGateway.NewJob(PipelineNames.Llm, gateway.ModelFor(PipelineNames.Llm, request.Model), new Dictionary<string, string>
        {
            ["messages"] = JsonSerializer.Serialize(request.Messages, ApiJson.Options),
            ["temperature"] = JobGateway.Invariant(request.Temperature),
            ["max_tokens"] = JobGateway.Invariant(request.MaxTokens),
            ["top_p"] = JobGateway.Invariant(request.TopP),
            ["top_k"] = JobGateway.Invariant(request.TopK),
        });
        var answer = JsonResults.Read<LlmResponse>(await gateway.RunAsync(job, cancellationToken));
        return request.Stream ? new ServerSentEvents(answer) : ApiResults.Ok(answer);
    }

    private static List<LlmMessage> ReadMessages(JsonFields json)
    {
        var messages = new List<LlmMessage>();
        if (!json.Root.TryGetProperty("messages", out var array))
        {
            json.Add(ValidationMessages.Missing("messages"));
            return messages;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            json.Add(ValidationMessages.ListType("messages", array.GetRawText()));
            return messages;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            object[] loc = ["body", "messages", index];
            if (item.ValueKind != JsonValueKind.Object)
            {
                json.Add(ValidationMessages.NotAnObject(loc, item.GetRawText()));
            }
            else
            {
                var role = Required(json, item, "role", [.. loc, "role"]);
                var content = Required(json, item, "content", [.. loc, "content"]);
                if (role is not null && content is not null) messages.Add(new LlmMessage(role, content));
            }

            index++;
        }

        return messages;
    }

    private static string? Required(JsonFields json, JsonElement item, string name, object[] loc)
    {
        if (!item.TryGetProperty(name, out _))
        {
            json.Add(new ValidationError(loc, "Field required", "missing"));
            return null;
        }

        return json.String(item, name, loc);
    }

    /// <summary>The answer as one SSE event with the whole message as its delta, then <c>[DONE]</c>.</summary>
    private sealed class ServerSentEvents(LlmResponse answer) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "text/event-stream";
            httpContext.Response.Headers.CacheControl = "no-cache";
            var chunk = answer with
            {
                Choices = [.. answer.Choices.Select(c => c with { Delta = c.Message, Message = null })],
            };
            await httpContext.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk, ApiJson.Options)}\n\n", httpContext.RequestAborted);
            await httpContext.Response.WriteAsync("data: [DONE]\n\n", httpContext.RequestAborted);
        }
    }
}
