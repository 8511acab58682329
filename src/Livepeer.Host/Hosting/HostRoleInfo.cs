namespace Livepeer.Host.Hosting;

/// <summary>The roles this process runs, for endpoints and the start-up banner.</summary>
/// <param name="Roles">The roles.</param>
public sealed record HostRoleInfo(HostRole Roles);
