namespace Livepeer.Host.Hosting;

/// <summary>The roles one host process can take, in any mix.</summary>
[Flags]
public enum HostRole
{
    /// <summary>No role.</summary>
    None = 0,

    /// <summary>Serves the Livepeer AI HTTP API and routes jobs to orchestrators.</summary>
    Gateway = 1,

    /// <summary>An orchestrator identity: capabilities, admission, dispatch.</summary>
    Orchestrator = 2,

    /// <summary>Devices that hold models and run pipelines.</summary>
    Worker = 4,

    /// <summary>All three (the default).</summary>
    All = Gateway | Orchestrator | Worker,
}
