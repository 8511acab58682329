namespace Livepeer.Host.Hosting;

/// <summary>How this silo joins its cluster. Section <c>Livepeer:Cluster</c>.</summary>
public sealed class ClusterHostingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Livepeer:Cluster";

    /// <summary>Orleans cluster id. Default <c>livepeer-local</c>.</summary>
    public string ClusterId { get; set; } = "livepeer-local";

    /// <summary>Orleans service id; keep it across deployments, state is keyed by it. Default <c>livepeer</c>.</summary>
    public string ServiceId { get; set; } = "livepeer";

    /// <summary><c>localhost</c> (default, no servers) or <c>postgres</c> (membership in PostgreSQL).</summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary>Npgsql connection string for <c>postgres</c> clustering.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>With <c>localhost</c> clustering, the silo port of the primary silo other local silos join. Default: this silo is the primary.</summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>Address advertised to other silos with <c>postgres</c> clustering. Default 127.0.0.1.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Orleans' Kubernetes hosting: the silo is named after its pod, labels its pod with the service and cluster ids,
    /// and declares silos dead as soon as their pods are gone. Needs <c>POD_NAMESPACE</c>, <c>POD_NAME</c> and
    /// <c>POD_IP</c> (the downward API) and a service account that may get, list, watch and patch pods. Default false.
    /// </summary>
    public bool KubernetesHosting { get; set; }
}
