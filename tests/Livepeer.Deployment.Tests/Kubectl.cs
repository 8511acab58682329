using Livepeer.Testing;

namespace Livepeer.Deployment.Tests;

/// <summary>kubectl run offline: only <c>kustomize</c>, which needs no cluster (KUBECONFIG points nowhere on purpose).</summary>
internal static class Kubectl
{
    public static async Task<string> KustomizeAsync(string folder)
    {
        if (!ExistsOnPath("kubectl"))
            throw new InvalidOperationException("kubectl is not installed; the deployment tests render the overlays with `kubectl kustomize` (kubectl 1.27 or later).");
        var (exitCode, output) = await ProcessRunner.RunUncheckedAsync("kubectl", ["kustomize", folder, "--kubeconfig", "/nonexistent"], TimeSpan.FromMinutes(1));
        return exitCode == 0 ? output : throw new InvalidOperationException($"kubectl kustomize {folder} failed ({exitCode}):\n{output}");
    }

    private static bool ExistsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => File.Exists(Path.Combine(folder, program)));
}
