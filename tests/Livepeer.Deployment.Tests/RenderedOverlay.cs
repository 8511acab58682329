using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Livepeer.Testing;

namespace Livepeer.Deployment.Tests;

/// <summary>
/// One kustomize overlay of <c>k8s/overlays</c> as <c>kubectl kustomize</c> renders it (offline: no cluster is asked), and its
/// objects as the Kubernetes client's typed models, parsed strictly so that an unknown field is an error.
/// </summary>
internal sealed record RenderedOverlay(string Name, string Namespace, string Yaml, IReadOnlyList<object> Objects)
{
    public static readonly TheoryData<string> Names = new("dev", "prod", "prod-postgres");

    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> Cache = new(StringComparer.Ordinal);

    public IEnumerable<V1Deployment> Deployments => Objects.OfType<V1Deployment>();

    /// <summary>Every pod template with its workload's name: Deployments and StatefulSets.</summary>
    public IEnumerable<(string Workload, V1PodTemplateSpec Template)> PodTemplates =>
        Deployments.Select(d => (d.Metadata.Name, d.Spec.Template))
            .Concat(Objects.OfType<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Template)));

    /// <summary>The pods that run <c>Livepeer.Host</c> (the project's images), with their workload's name.</summary>
    public IEnumerable<(string Workload, V1PodSpec Pod, V1Container Silo)> Silos =>
        PodTemplates.SelectMany(t => t.Template.Spec.Containers
            .Where(c => c.Image.Contains("livepeer-orleans", StringComparison.Ordinal))
            .Select(c => (t.Workload, t.Template.Spec, c)));

    public static Task<RenderedOverlay> LoadAsync(string name) =>
        Cache.GetOrAdd(name, n => new Lazy<Task<RenderedOverlay>>(() => RenderAsync(n))).Value;

    /// <summary>Parses YAML as the client's models; strict: unknown fields and kinds throw.</summary>
    public static List<object> Parse(string yaml) => KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);

    private static async Task<RenderedOverlay> RenderAsync(string name)
    {
        var folder = RepositoryRoot.Require(Path.Combine("k8s", "overlays", name));
        var yaml = await Kubectl.KustomizeAsync(folder);
        var objects = Parse(yaml);
        var ns = objects.OfType<V1Namespace>().Select(n => n.Metadata.Name).SingleOrDefault()
            ?? throw new InvalidOperationException($"Overlay {name} creates no Namespace.");
        return new RenderedOverlay(name, ns, yaml, objects);
    }
}
