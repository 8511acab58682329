namespace Livepeer.Host.Tests;

/// <summary>Paths inside the repository and the host build the tests run against.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Models => Path.Combine(Root, "models");

    public static string AiModels => Path.Combine(Root, "silo-config", "aiModels.json");

    /// <summary>The host's own build output (same configuration as the tests), run with <c>dotnet</c> by process tests.</summary>
    public static string HostDll
    {
        get
        {
            // The tests live in tests/Livepeer.Host.Tests/bin/<Configuration>/net10.0/linux-x64.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Parent!.Name;
            var dll = Path.Combine(Root, "src", "Livepeer.Host", "bin", configuration, "net10.0", "linux-x64", "Livepeer.Host.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Host build not found at {dll}; build the solution first.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Livepeer.Orleans.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("Livepeer.Orleans.sln not found above the test directory.");
    }
}
