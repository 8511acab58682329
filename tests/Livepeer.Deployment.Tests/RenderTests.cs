using k8s.Models;
using Livepeer.Testing;

namespace Livepeer.Deployment.Tests;

/// <summary>Every overlay renders, parses strictly and passes the Kubernetes schemas; both checks can fail.</summary>
public sealed class RenderTests
{
    [Theory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public async Task Overlay_Renders_EveryObjectParsesStrictlyAndIsNamespaced(string overlay)
    {
        var rendered = await RenderedOverlay.LoadAsync(overlay);

        Assert.NotEmpty(rendered.Deployments);
        Assert.Single(rendered.Objects.OfType<V1ConfigMap>(), c => c.Metadata.Name.StartsWith("livepeer-silo-config-", StringComparison.Ordinal));
        foreach (var metadata in rendered.Objects.OfType<IMetadata<V1ObjectMeta>>().Select(o => o.Metadata))
        {
            if (rendered.Objects.OfType<V1Namespace>().Any(n => n.Metadata == metadata)) continue;
            Assert.True(metadata.NamespaceProperty == rendered.Namespace, $"{metadata.Name} is in namespace '{metadata.NamespaceProperty}', not {rendered.Namespace}.");
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public async Task Overlay_PassesTheKubernetesSchemas(string overlay)
    {
        var rendered = await RenderedOverlay.LoadAsync(overlay);

        var (valid, report) = await KubernetesSchema.ValidateAsync(rendered.Yaml);

        Assert.True(valid, report);
        Assert.Equal(rendered.Objects.Count, report.Split('\n').Count(l => l.EndsWith(": OK", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SchemaCheck_WrongTypesAndMissingFields_AreReported()
    {
        const string broken = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: broken
            spec:
              replicas: two
              selector:
                matchLabels: { app: x }
              template:
                spec:
                  containers:
                    - image: x
                      ports:
                        - containerPort: http
            """;

        var (valid, report) = await KubernetesSchema.ValidateAsync(broken);

        Assert.False(valid);
        Assert.Contains("/spec/replicas must be integer", report, StringComparison.Ordinal);
        Assert.Contains("/spec/template/spec/containers/0 must have required property name", report, StringComparison.Ordinal);
        Assert.Contains("containerPort must be integer", report, StringComparison.Ordinal);
    }

    [Fact]
    public void StrictParse_UnknownFieldOrKind_Throws()
    {
        Assert.ThrowsAny<Exception>(() => RenderedOverlay.Parse("apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: { replicass: 2 }\n"));
        Assert.ThrowsAny<Exception>(() => RenderedOverlay.Parse("apiVersion: apps/v1\nkind: Deploymnt\nmetadata: { name: x }\n"));
    }
}
