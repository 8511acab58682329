using Livepeer.Testing;

namespace Livepeer.Deployment.Tests;

/// <summary>The host's build output of the same configuration as these tests, run with <c>dotnet</c>.</summary>
internal static class HostBuild
{
    public static string Dll
    {
        get
        {
            // The tests live in tests/Livepeer.Deployment.Tests/bin/<Configuration>/net10.0/linux-x64.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Parent!.Name;
            var dll = Path.Combine(RepositoryRoot.Path, "src", "Livepeer.Host", "bin", configuration, "net10.0", "linux-x64", "Livepeer.Host.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Host build not found at {dll}; build the solution first.");
        }
    }
}
