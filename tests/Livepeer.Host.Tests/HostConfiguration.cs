using System.Text.Json;
using Livepeer.Testing;

namespace Livepeer.Host.Tests;

/// <summary>Writes host configuration files like the ones in silo-config/, with free ports.</summary>
internal sealed class HostConfiguration
{
    public string Roles { get; init; } = "gateway,orchestrator,worker";

    public string? PostgresConnectionString { get; init; }

    public string WorkerId { get; init; } = "worker-test";

    public string ModelsPath { get; init; } = RepositoryPaths.Models;

    public string AiModelsPath { get; init; } = RepositoryPaths.AiModels;

    public string Orchestrator { get; init; } = "0x5f0e3bd1a3c6f1d1a4c3d8b7e2f0a9c8b7d6e5f4";

    public int SiloPort { get; } = FreeTcpPort.Next();

    public int GatewayPort { get; } = FreeTcpPort.Next();

    public int HttpPort { get; } = FreeTcpPort.Next();

    public int? PrimarySiloPort { get; init; }

    /// <summary>Extra keys (colon paths) set after everything else, to break one thing on purpose.</summary>
    public Dictionary<string, string> Overrides { get; init; } = [];

    public Dictionary<string, string?> ToDictionary()
    {
        var postgres = PostgresConnectionString is not null;
        var values = new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{HttpPort}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Livepeer:Roles"] = Roles,
            ["Livepeer:Cluster:Clustering"] = postgres ? "postgres" : "localhost",
            ["Livepeer:Cluster:ConnectionString"] = PostgresConnectionString ?? "",
            ["Livepeer:Cluster:ClusterId"] = "livepeer-test",
            ["Livepeer:Cluster:SiloPort"] = SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Livepeer:Cluster:GatewayPort"] = GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Livepeer:Storage:Provider"] = postgres ? "postgres" : "memory",
            ["Livepeer:Storage:ConnectionString"] = PostgresConnectionString ?? "",
            ["Livepeer:Orchestrator:Address"] = Orchestrator,
            ["Livepeer:Orchestrator:AiModelsPath"] = AiModelsPath,
            ["Livepeer:Orchestrator:KeepWarmInterval"] = "00:00:01",
            ["Livepeer:Worker:Id"] = WorkerId,
            ["Livepeer:Worker:ModelsPath"] = ModelsPath,
            ["Livepeer:Worker:Devices:0:Kind"] = "cpu",
            ["Livepeer:Worker:Devices:0:MemoryMb"] = "512",
            ["Livepeer:Worker:Devices:0:Slots"] = "2",
        };
        if (PrimarySiloPort is { } primary)
            values["Livepeer:Cluster:PrimarySiloPort"] = primary.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in Overrides) values[key] = value;
        return values;
    }

    /// <summary>Writes the configuration as a nested JSON file (the silo-config format) and returns its path.</summary>
    public string WriteFile(string directory)
    {
        var root = new Dictionary<string, object>();
        foreach (var (key, value) in ToDictionary())
        {
            var parts = key.Split(':');
            var node = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (!node.TryGetValue(parts[i], out var child)) node[parts[i]] = child = new Dictionary<string, object>();
                node = (Dictionary<string, object>)child;
            }

            node[parts[^1]] = value ?? "";
        }

        var path = Path.Combine(directory, $"host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(root));
        return path;
    }
}
