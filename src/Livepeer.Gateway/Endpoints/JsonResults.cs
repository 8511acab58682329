using System.Text.Json;
using Livepeer.Api;
using Livepeer.Contracts;
using Livepeer.Gateway.Http;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary>Reads a text-like result (transcript, masks, caption, chat answer), which workers return as a JSON artifact in the API's own shape.</summary>
internal static class JsonResults
{
    public static T Read<T>(JobResult result)
        where T : class
    {
        var artifact = result.Artifacts.FirstOrDefault(a => a.ContentType.StartsWith("application/json", StringComparison.Ordinal));
        try
        {
            if (artifact is not null && JsonSerializer.Deserialize<T>(artifact.Data, ApiJson.Options) is { } value) return value;
        }
        catch (JsonException)
        {
            // Reported below: a worker that answers in the wrong shape is a server error, not the client's.
        }

        throw new ApiProblemException(StatusCodes.Status500InternalServerError, $"The worker's result is not a {typeof(T).Name}.");
    }
}
