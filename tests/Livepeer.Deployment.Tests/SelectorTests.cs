using k8s.Models;

namespace Livepeer.Deployment.Tests;

/// <summary>Services and disruption budgets select the pods they are meant for, on ports those pods have.</summary>
public sealed class SelectorTests
{
    [Theory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public async Task EveryService_SelectsPods_WhoseContainersHaveItsTargetPorts(string overlay)
    {
        var rendered = await RenderedOverlay.LoadAsync(overlay);

        foreach (var service in rendered.Objects.OfType<V1Service>())
        {
            var selected = rendered.PodTemplates.Where(t => Selects(service.Spec.Selector, t.Template.Metadata.Labels)).ToList();
            Assert.True(selected.Count > 0, $"{overlay}: Service {service.Metadata.Name} selects no pods.");
            foreach (var port in service.Spec.Ports)
            {
                foreach (var (workload, template) in selected)
                {
                    var ports = template.Spec.Containers.SelectMany(c => c.Ports ?? []);
                    Assert.True(
                        ports.Any(p => p.Name == port.TargetPort.Value || p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == port.TargetPort.Value),
                        $"{overlay}: Service {service.Metadata.Name} sends port {port.Port} to '{port.TargetPort.Value}', which {workload} does not have.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public async Task ApiService_ReachesExactlyThePodsThatServeTheApi(string overlay)
    {
        var rendered = await RenderedOverlay.LoadAsync(overlay);
        var api = rendered.Objects.OfType<V1Service>().Single(s => s.Metadata.Name == "livepeer-api");

        var selected = rendered.PodTemplates.Where(t => Selects(api.Spec.Selector, t.Template.Metadata.Labels)).Select(t => t.Workload).Order();

        Assert.Equal(overlay == "dev" ? ["livepeer-all-in-one"] : ["livepeer-gateway"], selected);
        Assert.Equal("ClientIP", api.Spec.SessionAffinity);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public async Task EveryDisruptionBudget_CoversExactlyOneWorkload_AndEveryMultiReplicaWorkloadHasOne(string overlay)
    {
        var rendered = await RenderedOverlay.LoadAsync(overlay);
        var budgets = rendered.Objects.OfType<V1PodDisruptionBudget>().ToList();

        foreach (var budget in budgets)
            Assert.Single(rendered.PodTemplates, t => Selects(budget.Spec.Selector.MatchLabels, t.Template.Metadata.Labels));
        foreach (var deployment in rendered.Deployments.Where(d => d.Spec.Replicas > 1))
            Assert.Contains(budgets, b => Selects(b.Spec.Selector.MatchLabels, deployment.Spec.Template.Metadata.Labels));
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public async Task EverySiloContainer_HasRequestsAndAMemoryLimit_RunsAsNonRootWithAReadOnlyRoot(string overlay)
    {
        var rendered = await RenderedOverlay.LoadAsync(overlay);

        foreach (var (workload, pod, silo) in rendered.Silos)
        {
            Assert.True(silo.Resources.Requests.ContainsKey("cpu") && silo.Resources.Requests.ContainsKey("memory"), $"{workload}: cpu and memory requests");
            Assert.True(silo.Resources.Limits.ContainsKey("memory"), $"{workload}: memory limit");
            Assert.True(pod.SecurityContext.RunAsNonRoot, $"{workload}: runAsNonRoot");
            Assert.True(silo.SecurityContext.ReadOnlyRootFilesystem, $"{workload}: read-only root");
            Assert.False(silo.SecurityContext.AllowPrivilegeEscalation);

            // A read-only root still needs a writable /tmp (ffmpeg's work folder, .NET's diagnostics socket).
            Assert.Contains(silo.VolumeMounts, m => m.MountPath == "/tmp");
            Assert.Contains(silo.VolumeMounts, m => m.MountPath == "/app/silo-config" && m.ReadOnlyProperty == true);
        }
    }

    private static bool Selects(IDictionary<string, string> selector, IDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
