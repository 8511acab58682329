using System.Globalization;

namespace Livepeer.Testing;

/// <summary>
/// The production layout as separate OS processes, minus Kubernetes: one gateway, one orchestrator and one worker host,
/// each started with its role's file from <c>silo-config/</c> (what the manifests mount) and the environment the prod
/// manifests give a pod, with loopback and free ports standing in for pod IPs, one PostgreSQL database for membership
/// and state, and a temporary folder for the gateway's media volume.
/// </summary>
public sealed class DeploymentCluster : IAsyncDisposable
{
    private readonly string hostDll;
    private readonly string connectionString;
    private readonly string mediaRoot;
    private readonly List<HostProcess> all = [];
    private Dictionary<string, string> workerEnvironment = [];

    private DeploymentCluster(string hostDll, string connectionString, string mediaRoot)
    {
        this.hostDll = hostDll;
        this.connectionString = connectionString;
        this.mediaRoot = mediaRoot;
    }

    /// <summary>The environment variables the prod manifests set that only make sense inside Kubernetes.</summary>
    public static IReadOnlyList<string> KubernetesOnlyVariables { get; } =
        ["POD_NAME", "POD_NAMESPACE", "POD_IP", "Livepeer__Cluster__KubernetesHosting"];

    /// <summary>What differs per process here but not per pod there (each pod has its own IP; these processes share one).</summary>
    public static IReadOnlyList<string> LoopbackOnlyVariables { get; } =
        ["Urls", "Livepeer__Cluster__SiloPort", "Livepeer__Cluster__GatewayPort", "Livepeer__Gateway__MediaRoot", "DOTNET_gcServer"];

    public HostProcess Gateway { get; private set; } = null!;

    public HostProcess Orchestrator { get; private set; } = null!;

    /// <summary>The worker process serving now.</summary>
    public HostProcess Worker { get; private set; } = null!;

    public Uri GatewayUrl => new($"http://127.0.0.1:{Gateway.HttpPort}");

    public Uri OrchestratorUrl => new($"http://127.0.0.1:{Orchestrator.HttpPort}");

    /// <summary>Starts the orchestrator, the gateway and worker <paramref name="workerId"/>, all at once, as a rollout would.</summary>
    public static DeploymentCluster Start(string hostDll, string connectionString, string mediaRoot, string workerId = "livepeer-worker-0")
    {
        var cluster = new DeploymentCluster(hostDll, connectionString, mediaRoot);
        cluster.Orchestrator = cluster.StartRole("orchestrator", null);
        cluster.Gateway = cluster.StartRole("gateway", null);
        cluster.Worker = cluster.StartRole("worker", workerId);
        return cluster;
    }

    /// <summary>
    /// A pod's environment for <paramref name="role"/>: the silo-config file, PostgreSQL from the Secret, the advertised
    /// address, the worker id from the pod name, and this machine's stand-ins for per-pod ports and volumes.
    /// </summary>
    public static Dictionary<string, string> Environment(string role, string connectionString, int httpPort, string? workerId, string mediaRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["LIVEPEER_CONFIG"] = $"silo-config/{role}.json",
            ["Livepeer__Cluster__AdvertisedAddress"] = "127.0.0.1",
            ["Livepeer__Cluster__ConnectionString"] = connectionString,
            ["Livepeer__Storage__ConnectionString"] = connectionString,
            ["Urls"] = $"http://127.0.0.1:{Invariant(httpPort)}",
            ["Livepeer__Cluster__SiloPort"] = Invariant(FreeTcpPort.Next()),
            ["Livepeer__Cluster__GatewayPort"] = Invariant(FreeTcpPort.Next()),
            ["DOTNET_gcServer"] = "0",
        };
        if (role == "worker") environment["Livepeer__Worker__Id"] = workerId ?? throw new ArgumentNullException(nameof(workerId));
        if (role == "gateway") environment["Livepeer__Gateway__MediaRoot"] = mediaRoot;
        return environment;
    }

    /// <summary>Waits until every process answers <c>/healthz</c>.</summary>
    public Task WaitHealthyAsync(TimeSpan timeout) =>
        Task.WhenAll(Gateway.WaitHealthyAsync(timeout), Orchestrator.WaitHealthyAsync(timeout), Worker.WaitHealthyAsync(timeout));

    /// <summary>
    /// SIGKILLs the worker, as an OOM kill or a node failure would, and starts <paramref name="workerId"/> in its place: with
    /// <paramref name="sameEndpoints"/>, on the killed one's ports, as Kubernetes restarts a crashed container in its pod
    /// (same pod IP, so the new silo supersedes the dead one at once); without, on new ports, as a replacement pod on
    /// another node would come up while the dead silo still has to be found dead by probing.
    /// </summary>
    public HostProcess ReplaceWorker(string workerId, bool sameEndpoints)
    {
        Worker.Kill();
        if (!sameEndpoints)
        {
            Worker = StartRole("worker", workerId);
            return Worker;
        }

        var environment = new Dictionary<string, string>(workerEnvironment, StringComparer.Ordinal) { ["Livepeer__Worker__Id"] = workerId };
        Worker = HostProcess.Start(hostDll, [], environment, Worker.HttpPort);
        all.Add(Worker);
        return Worker;
    }

    /// <summary>
    /// Posts to the gateway every 100 ms until an answer is 200 and returns its body: 503s, 504s and refused connections
    /// while the cluster starts or replaces a worker mean "not yet". <paramref name="content"/> makes each attempt's body.
    /// </summary>
    /// <exception cref="TimeoutException">No 200 within <paramref name="timeout"/>; names the last answer, with the processes' output.</exception>
    public async Task<string> PostUntilOkAsync(HttpClient http, string path, Func<HttpContent> content, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(content);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var last = "";
        while (started.Elapsed < timeout)
        {
            try
            {
                using var body = content();
                using var response = await http.PostAsync(new Uri(GatewayUrl, path), body).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (response.StatusCode == System.Net.HttpStatusCode.OK) return text;
                last = $"{(int)response.StatusCode} {text}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new TimeoutException($"POST {path}: no 200 within {timeout}; last answer: {last}\n{Output}");
    }

    /// <summary>Everything the processes printed, for a failure message.</summary>
    public string Output => string.Join("\n", all.Select((p, i) => $"--- process {i} ---\n{p.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in all) await process.DisposeAsync().ConfigureAwait(false);
    }

    private HostProcess StartRole(string role, string? workerId)
    {
        var port = FreeTcpPort.Next();
        var environment = Environment(role, connectionString, port, workerId, mediaRoot);
        if (role == "worker") workerEnvironment = environment;
        var process = HostProcess.Start(hostDll, [], environment, port);
        all.Add(process);
        return process;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
