using Livepeer.Pipelines;
using Microsoft.Extensions.Options;

namespace Livepeer.Gateway.Hosting;

/// <summary>Start-up checks of <see cref="AiGatewayOptions"/>; every message names the key.</summary>
internal sealed class AiGatewayOptionsValidator : IValidateOptions<AiGatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, AiGatewayOptions o)
    {
        var errors = new List<string>();
        const string s = AiGatewayOptions.Section;
        if (o.MediaBaseUrl.Length > 0 && !Uri.TryCreate(o.MediaBaseUrl, UriKind.Absolute, out _))
            errors.Add($"{s}:MediaBaseUrl must be an absolute URL or empty, got '{o.MediaBaseUrl}'.");
        if (string.IsNullOrWhiteSpace(o.MediaRoot)) errors.Add($"{s}:MediaRoot is required.");
        if (o.MediaRetention <= TimeSpan.Zero) errors.Add($"{s}:MediaRetention must be positive.");
        if (o.AsyncResultCapacity < 1) errors.Add($"{s}:AsyncResultCapacity must be at least 1, got {o.AsyncResultCapacity}.");
        foreach (var key in o.DefaultModels.Keys.Where(k => !PipelineNames.IsKnown(k)))
            errors.Add($"{s}:DefaultModels:{key}: unknown pipeline '{key}'.");
        foreach (var key in o.Deadlines.Keys.Where(k => !PipelineNames.IsKnown(k)))
            errors.Add($"{s}:Deadlines:{key}: unknown pipeline '{key}'.");
        foreach (var (key, deadline) in o.Deadlines.Where(d => d.Value <= TimeSpan.Zero))
            errors.Add($"{s}:Deadlines:{key} must be positive, got {deadline}.");
        foreach (var (key, price) in o.MaxPrices)
        {
            if (!PipelineNames.IsKnown(key.Split('/')[0])) errors.Add($"{s}:MaxPrices:{key}: unknown pipeline '{key.Split('/')[0]}'.");
            if (price < 0) errors.Add($"{s}:MaxPrices:{key} must not be negative, got {price}.");
        }

        if (o.MaxPricePerUnit < 0) errors.Add($"{s}:MaxPricePerUnit must not be negative, got {o.MaxPricePerUnit}.");
        if (o.MaxAttempts < 1) errors.Add($"{s}:MaxAttempts must be at least 1, got {o.MaxAttempts}.");
        if (o.MaxInFlightPerOrchestrator < 0) errors.Add($"{s}:MaxInFlightPerOrchestrator must not be negative, got {o.MaxInFlightPerOrchestrator}.");
        if (o.SuspendAfterFailures < 1) errors.Add($"{s}:SuspendAfterFailures must be at least 1, got {o.SuspendAfterFailures}.");
        if (o.Suspension <= TimeSpan.Zero) errors.Add($"{s}:Suspension must be positive.");
        if (o.DiscoveryInterval <= TimeSpan.Zero) errors.Add($"{s}:DiscoveryInterval must be positive.");
        if (o.RetryAfterSeconds < 0) errors.Add($"{s}:RetryAfterSeconds must not be negative.");
        if (o.MaxImageBytes <= 0) errors.Add($"{s}:MaxImageBytes must be positive.");
        if (o.MaxAudioBytes <= 0) errors.Add($"{s}:MaxAudioBytes must be positive.");
        if (o.MaxImagePixels <= 0) errors.Add($"{s}:MaxImagePixels must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
