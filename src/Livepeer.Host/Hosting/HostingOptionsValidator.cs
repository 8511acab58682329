using System.Net;
using Microsoft.Extensions.Options;

namespace Livepeer.Host.Hosting;

/// <summary>
/// Start-up checks of the cluster and storage options; every message names the key. The pod identity Kubernetes hosting
/// needs is looked up in <paramref name="configuration"/>, which holds the environment variables.
/// </summary>
internal sealed class HostingOptionsValidator(IConfiguration configuration) : IValidateOptions<ClusterHostingOptions>, IValidateOptions<PersistenceOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterHostingOptions options)
    {
        var errors = new List<string>();
        const string s = ClusterHostingOptions.Section;
        if (string.IsNullOrWhiteSpace(options.ClusterId)) errors.Add($"{s}:ClusterId is required.");
        if (string.IsNullOrWhiteSpace(options.ServiceId)) errors.Add($"{s}:ServiceId is required.");
        if (options.Clustering is not ("localhost" or "postgres"))
            errors.Add($"{s}:Clustering must be 'localhost' or 'postgres', got '{options.Clustering}'.");
        if (options.Clustering == "postgres" && string.IsNullOrWhiteSpace(options.ConnectionString))
            errors.Add($"{s}:ConnectionString is required when {s}:Clustering is 'postgres'.");
        CheckPort(errors, $"{s}:SiloPort", options.SiloPort);
        CheckPort(errors, $"{s}:GatewayPort", options.GatewayPort);
        if (options.PrimarySiloPort is { } primary) CheckPort(errors, $"{s}:PrimarySiloPort", primary);
        if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
            errors.Add($"{s}:AdvertisedAddress must be an IP address, got '{options.AdvertisedAddress}'.");
        if (options.KubernetesHosting)
        {
            if (options.Clustering != "postgres")
                errors.Add($"{s}:KubernetesHosting needs {s}:Clustering 'postgres' (Kubernetes hosting watches pods; it is not a membership store).");
            foreach (var variable in KubernetesVariables.Where(v => string.IsNullOrEmpty(configuration[v])))
                errors.Add($"{s}:KubernetesHosting needs the environment variable {variable} (set it from the downward API).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, PersistenceOptions options)
    {
        const string s = PersistenceOptions.Section;
        if (options.Provider is not ("memory" or "postgres"))
            return ValidateOptionsResult.Fail($"{s}:Provider must be 'memory' or 'postgres', got '{options.Provider}'.");
        if (options.Provider == "postgres" && string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail($"{s}:ConnectionString is required when {s}:Provider is 'postgres'.");
        return ValidateOptionsResult.Success;
    }

    /// <summary>What Orleans' Kubernetes hosting reads about its own pod.</summary>
    internal static readonly string[] KubernetesVariables = ["POD_NAMESPACE", "POD_NAME", "POD_IP"];

    private static void CheckPort(List<string> errors, string key, int port)
    {
        if (port is <= 0 or > 65535) errors.Add($"{key} must be a TCP port (1-65535), got {port}.");
    }
}
