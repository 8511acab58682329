using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Models;
using Livepeer.Testing;

namespace Livepeer.Deployment.Tests;

/// <summary>
/// What a silo container of a rendered overlay would see: its environment with the downward API and Secret values
/// filled in by sample values and <c>$(VAR)</c> references expanded as the kubelet does, and its silo-config file.
/// </summary>
internal static partial class SiloPods
{
    public const string SampleConnectionString = "Host=postgres.example;Username=livepeer;Password=example;Database=livepeer";

    /// <summary>The container's environment as the kubelet would set it, in order.</summary>
    public static Dictionary<string, string> Environment(V1Container container, string podName, string ns)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.Env ?? [])
        {
            var value = variable.ValueFrom switch
            {
                { FieldRef.FieldPath: "metadata.name" } => podName,
                { FieldRef.FieldPath: "metadata.namespace" } => ns,
                { FieldRef.FieldPath: "status.podIP" } => "10.1.2.3",
                { SecretKeyRef: not null } => SampleConnectionString,
                null => Expand(variable.Value ?? "", values),
                _ => throw new InvalidOperationException($"{container.Name}: env {variable.Name} has a source the test does not model."),
            };
            values[variable.Name] = value;
        }

        return values;
    }

    /// <summary>The <c>$(NAME)</c> references of a value (the kubelet expands only variables defined earlier in the list).</summary>
    public static IEnumerable<string> References(string value) => Reference().Matches(value).Select(m => m.Groups[1].Value);

    /// <summary>The silo-config file the container's <c>LIVEPEER_CONFIG</c> names, from the repository (the ConfigMap's source).</summary>
    public static JsonElement ConfigFile(V1Container container)
    {
        var path = container.Env?.SingleOrDefault(e => e.Name == "LIVEPEER_CONFIG")?.Value
            ?? throw new InvalidOperationException($"{container.Name} sets no LIVEPEER_CONFIG.");
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Require(path)));
        return document.RootElement.Clone();
    }

    /// <summary>A configuration value as the host would read it: the environment (Livepeer__A__B) over the file.</summary>
    public static string? Setting(JsonElement file, IReadOnlyDictionary<string, string> environment, string key)
    {
        if (environment.TryGetValue(key.Replace(":", "__", StringComparison.Ordinal), out var fromEnvironment))
            return fromEnvironment;
        var element = file;
        foreach (var part in key.Split(':'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
                return null;
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
    }

    private static string Expand(string value, Dictionary<string, string> defined) =>
        Reference().Replace(value, m => defined.TryGetValue(m.Groups[1].Value, out var known) ? known : m.Value);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
