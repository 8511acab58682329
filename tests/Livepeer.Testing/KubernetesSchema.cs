namespace Livepeer.Testing;

/// <summary>
/// Validates rendered Kubernetes YAML against the Kubernetes OpenAPI schemas with npm's <c>kubernetes-models</c>
/// (pinned in <c>tests/k8s-schema</c>, installed once into <c>.cache/npm-k8s</c> or <c>LIVEPEER_NPM_K8S</c>): wrong types,
/// missing required fields and unknown kinds.
/// </summary>
public static class KubernetesSchema
{
    private static readonly NpmToolFolder Folder = new(
        Path.Combine("tests", "k8s-schema"), "npm-k8s", "LIVEPEER_NPM_K8S", Path.Combine("node_modules", "kubernetes-models", "package.json"));

    /// <summary>Runs the validator on <paramref name="yaml"/>; returns whether every object is valid and its report, one line per object.</summary>
    public static async Task<(bool Valid, string Report)> ValidateAsync(string yaml, CancellationToken cancellationToken = default)
    {
        var tools = await Folder.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var file = Path.Combine(Path.GetTempPath(), $"livepeer-k8s-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await ProcessRunner.RunUncheckedAsync("node", [Path.Combine(tools, "validate.mjs"), file], TimeSpan.FromMinutes(1), cancellationToken: cancellationToken).ConfigureAwait(false);
            return (result.ExitCode == 0, result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
