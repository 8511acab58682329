using Livepeer.Testing;

namespace Livepeer.Host.Tests;

/// <summary>Paths inside the repository the host tests run against.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = RepositoryRoot.Path;

    public static string Models => Path.Combine(Root, "models");

    public static string AiModels => Path.Combine(Root, "silo-config", "aiModels.json");
}
