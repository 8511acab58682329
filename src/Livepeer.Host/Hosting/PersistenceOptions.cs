namespace Livepeer.Host.Hosting;

/// <summary>Where grain state and reminders live. Section <c>Livepeer:Storage</c>.</summary>
public sealed class PersistenceOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Livepeer:Storage";

    /// <summary><c>memory</c> (default; lost when the process stops) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "memory";

    /// <summary>Npgsql connection string for <c>postgres</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Create the database and the schema at start when missing. Default true.</summary>
    public bool InstallSchema { get; set; } = true;
}
