namespace Livepeer.Host.Hosting;

/// <summary>Reads <c>Livepeer:Roles</c> (comma-separated or an array; default all roles).</summary>
public static class HostRoles
{
    /// <summary>The configuration key.</summary>
    public const string Key = "Livepeer:Roles";

    /// <summary>The roles configured, or an error naming the key.</summary>
    /// <exception cref="LivepeerConfigurationException">An unknown or empty role list; the message names the key.</exception>
    public static HostRole Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Key);
        var names = section.Value is { } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value ?? "").ToArray();
        if (names.Length == 0 && section.Value is null && !section.GetChildren().Any())
            return HostRole.All;

        var roles = HostRole.None;
        foreach (var name in names)
        {
            roles |= name.ToLowerInvariant() switch
            {
                "gateway" => HostRole.Gateway,
                "orchestrator" => HostRole.Orchestrator,
                "worker" => HostRole.Worker,
                "all" => HostRole.All,
                _ => throw new LivepeerConfigurationException($"{Key}: unknown role '{name}' (known: gateway, orchestrator, worker, all)."),
            };
        }

        return roles == HostRole.None
            ? throw new LivepeerConfigurationException($"{Key}: no role given (known: gateway, orchestrator, worker, all).")
            : roles;
    }
}
