using System.Text.Json;
using Livepeer.Api;
using Livepeer.Gateway.Http;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary><c>POST /segment-anything-2</c>: multipart with an <c>image</c> file and prompts as JSON text; answers <see cref="MasksResponse"/>.</summary>
internal static class SegmentAnything2Endpoint
{
    public static void Map(ApiGroup api) =>
        api.MapApiPost<MasksResponse>(ApiPaths.SegmentAnything2, HandleAsync, "genSegmentAnything2", "Segment anything 2", typeof(SegmentAnything2Request), "multipart/form-data");

    /// <summary>The form's fields with the runner's defaults.</summary>
    internal static SegmentAnything2Request Bind(FormFields form) => new()
    {
        ModelId = form.String("model_id") ?? "",
        PointCoords = form.String("point_coords"),
        PointLabels = form.String("point_labels"),
        Box = form.String("box"),
        MaskInput = form.String("mask_input"),
        MultimaskOutput = form.Bool("multimask_output", true),
        ReturnLogits = form.Bool("return_logits", true),
        NormalizeCoords = form.Bool("normalize_coords", true),
    };

    /// <summary>What the worker receives; the prompts must be JSON arrays (a parse error is the client's, worded as the runner words it).</summary>
    internal static Dictionary<string, string> Parameters(SegmentAnything2Request request)
    {
        var parameters = new Dictionary<string, string>
        {
            ["multimask_output"] = JobGateway.Invariant(request.MultimaskOutput),
            ["return_logits"] = JobGateway.Invariant(request.ReturnLogits),
            ["normalize_coords"] = JobGateway.Invariant(request.NormalizeCoords),
        };
        AddJson(parameters, "point_coords", request.PointCoords);
        AddJson(parameters, "point_labels", request.PointLabels);
        AddJson(parameters, "box", request.Box);
        AddJson(parameters, "mask_input", request.MaskInput);
        return parameters;
    }

    private static async Task<IResult> HandleAsync(HttpRequest http, JobGateway gateway, CancellationToken cancellationToken)
    {
        var form = await FormFields.ReadAsync(http, cancellationToken);
        var image = form.RequiredFile("image");
        var request = Bind(form);
        form.ThrowIfInvalid();
        var parameters = Parameters(request);

        var (bytes, _) = await gateway.ReadImageAsync(image!, cancellationToken);
        var job = JobGateway.NewJob(PipelineNames.SegmentAnything2, gateway.ModelFor(PipelineNames.SegmentAnything2, request.ModelId), parameters, bytes);
        var result = await gateway.RunAsync(job, cancellationToken);
        return ApiResults.Ok(JsonResults.Read<MasksResponse>(result));
    }

    private static void AddJson(Dictionary<string, string> parameters, string name, string? text)
    {
        if (text is null) return;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new ApiProblemException(StatusCodes.Status400BadRequest, $"Error parsing JSON for {name}: expected a JSON array.");
        }
        catch (JsonException e)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"Error parsing JSON for {name}: {e.Message}");
        }

        parameters[name] = text;
    }
}
