using System.Globalization;
using k8s.Models;
using Livepeer.Host.Hosting;
using Livepeer.Testing;

namespace Livepeer.Deployment.Tests;

/// <summary>
/// The silo pods of every overlay against the host itself: the host's own start-up checks pass with exactly the file and
/// environment the pod gets; ports, probes, RBAC, labels and GPU requests agree with what the host and Orleans use.
/// </summary>
public sealed class SiloPodTests
{
    [Theory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public async Task EverySiloPod_TheHostsStartupChecksPassWithItsFileAndEnvironment(string overlay)
    {
        var rendered = await RenderedOverlay.LoadAsync(overlay);

        foreach (var (workload, _, silo) in rendered.Silos)
        {
            var environment = SiloPods.Environment(silo, $"{workload}-7d9f8c-x2k4q", rendered.Namespace);
            var (exitCode, output) = await CheckConfigAsync(environment);
            Assert.True(exitCode == 0, $"{overlay}/{workload}: the host would not start:\n{output}");
        }
    }

    [Fact]
    public async Task CheckConfig_AProdWorkerWithoutItsConnectionString_RefusedNamingTheKey()
    {
        var rendered = await RenderedOverlay.LoadAsync("prod");
        var (workload, _, silo) = rendered.Silos.Single(s => s.Workload == "livepeer-worker");
        var environment = SiloPods.Environment(silo, "livepeer-worker-1", rendered.Namespace);
        environment.Remove("Livepeer__Cluster__ConnectionString");
        environment.Remove("POD_NAMESPACE");

        var (exitCode, output) = await CheckConfigAsync(environment);

        Assert.Equal(2, exitCode);
        Assert.Contains("Livepeer:Cluster:ConnectionString is required", output, StringComparison.Ordinal);
        Assert.Contains("Livepeer:Cluster:KubernetesHosting needs the environment variable POD_NAMESPACE", output, StringComparison.Ordinal);
        Assert.Equal("livepeer-worker", workload);
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public async Task EverySiloPod_ReferencesOnlyEarlierVariables_PortsMatchItsConfig_ProbesUseTheHostsHealthPaths(string overlay)
    {
        var rendered = await RenderedOverlay.LoadAsync(overlay);

        foreach (var (workload, _, silo) in rendered.Silos)
        {
            var defined = new HashSet<string>(StringComparer.Ordinal);
            foreach (var variable in silo.Env ?? [])
            {
                foreach (var reference in SiloPods.References(variable.Value ?? ""))
                    Assert.True(defined.Contains(reference), $"{workload}: {variable.Name} uses $({reference}) before it is defined.");
                defined.Add(variable.Name);
            }

            var environment = SiloPods.Environment(silo, "pod", rendered.Namespace);
            var file = SiloPods.ConfigFile(silo);
            var ports = silo.Ports.ToDictionary(p => p.Name, p => p.ContainerPort, StringComparer.Ordinal);
            var urls = SiloPods.Setting(file, environment, "Urls")!;
            Assert.Equal(new Uri(urls.Split(';')[0]).Port, ports["http"]);
            Assert.StartsWith("http://0.0.0.0:", urls, StringComparison.Ordinal);
            if (SiloPods.Setting(file, environment, "Livepeer:Cluster:Clustering") == "postgres")
            {
                Assert.Equal(int.Parse(SiloPods.Setting(file, environment, "Livepeer:Cluster:SiloPort")!, CultureInfo.InvariantCulture), ports["silo"]);
                Assert.Equal(int.Parse(SiloPods.Setting(file, environment, "Livepeer:Cluster:GatewayPort")!, CultureInfo.InvariantCulture), ports["orleans-gateway"]);
            }

            foreach (var probe in new[] { silo.ReadinessProbe, silo.LivenessProbe, silo.StartupProbe })
            {
                Assert.NotNull(probe);
                Assert.Contains(probe.HttpGet.Path, StatusEndpoints.HealthPaths);
                Assert.True(ports.ContainsKey(probe.HttpGet.Port.Value), $"{workload}: probe port '{probe.HttpGet.Port.Value}' is not a container port.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RenderedOverlay.Names), MemberType = typeof(RenderedOverlay))]
    public async Task KubernetesHostedSilos_CarryTheirIdentityAndLabels_AndMayDoWhatOrleansDoesWithPods(string overlay)
    {
        var rendered = await RenderedOverlay.LoadAsync(overlay);

        foreach (var (workload, pod, silo) in rendered.Silos)
        {
            var environment = SiloPods.Environment(silo, "pod", rendered.Namespace);
            var file = SiloPods.ConfigFile(silo);
            if (SiloPods.Setting(file, environment, "Livepeer:Cluster:KubernetesHosting") != "true") continue;

            foreach (var variable in new[] { "POD_NAME", "POD_NAMESPACE", "POD_IP" })
                Assert.True(silo.Env.Any(e => e.Name == variable && e.ValueFrom?.FieldRef is not null), $"{workload}: {variable} must come from the downward API.");
            Assert.Equal("10.1.2.3", SiloPods.Setting(file, environment, "Livepeer:Cluster:AdvertisedAddress"));
            var labels = rendered.PodTemplates.Single(t => t.Workload == workload).Template.Metadata.Labels;
            Assert.Equal(SiloPods.Setting(file, environment, "Livepeer:Cluster:ServiceId"), labels["orleans/serviceId"]);
            Assert.Equal(SiloPods.Setting(file, environment, "Livepeer:Cluster:ClusterId"), labels["orleans/clusterId"]);

            // Orleans' Kubernetes agent reads its own pod, patches its labels, and lists and watches the silo pods.
            var account = pod.ServiceAccountName;
            Assert.NotEqual(false, rendered.Objects.OfType<V1ServiceAccount>().Single(a => a.Metadata.Name == account).AutomountServiceAccountToken);
            var roles = rendered.Objects.OfType<V1RoleBinding>()
                .Where(b => b.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == account))
                .Select(b => rendered.Objects.OfType<V1Role>().Single(r => r.Metadata.Name == b.RoleRef.Name));
            var podVerbs = roles.SelectMany(r => r.Rules)
                .Where(rule => rule.ApiGroups.Contains("") && rule.Resources.Contains("pods"))
                .SelectMany(rule => rule.Verbs).ToHashSet(StringComparer.Ordinal);
            foreach (var verb in new[] { "get", "list", "watch", "patch" })
                Assert.True(podVerbs.Contains(verb), $"{workload}: service account {account} may not {verb} pods.");
        }
    }

    [Fact]
    public async Task ProdWorkers_OneGpuEach_OnGpuNodes_TheGpuImage_AWorkerIdPerPod()
    {
        var rendered = await RenderedOverlay.LoadAsync("prod");

        var (_, pod, silo) = rendered.Silos.Single(s => s.Workload == "livepeer-worker");

        Assert.Equal("1", silo.Resources.Limits["nvidia.com/gpu"].ToString());
        Assert.Equal("true", pod.NodeSelector["nvidia.com/gpu.present"]);
        Assert.Contains(pod.Tolerations, t => t.Key == "nvidia.com/gpu");
        Assert.Contains("livepeer-orleans-gpu", silo.Image, StringComparison.Ordinal);
        Assert.Equal("livepeer-worker-abc", SiloPods.Environment(silo, "livepeer-worker-abc", rendered.Namespace)["Livepeer__Worker__Id"]);
        Assert.All(rendered.Silos.Where(s => s.Workload != "livepeer-worker"), s => Assert.DoesNotContain("gpu", s.Silo.Image, StringComparison.Ordinal));
    }

    /// <summary>Runs <c>Livepeer.Host check-config</c> from the repository root (the image's /app has the same layout) with only this environment's Livepeer keys.</summary>
    private static async Task<(int ExitCode, string Output)> CheckConfigAsync(IReadOnlyDictionary<string, string> environment)
    {
        var arguments = new List<string> { HostBuild.Dll, "check-config" };
        var all = new Dictionary<string, string>(environment) { ["DOTNET_gcServer"] = "0" };
        return await ProcessRunner.RunUncheckedAsync("dotnet", arguments, TimeSpan.FromMinutes(1), environment: all, workingDirectory: RepositoryRoot.Path);
    }
}
