namespace Livepeer.Testing;

/// <summary>The host's build output of the same configuration as the running tests or benchmark, run with <c>dotnet</c> by process tests.</summary>
public static class HostBuild
{
    public static string Dll
    {
        get
        {
            // The caller lives in <project>/bin/<Configuration>/net10.0/linux-x64.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Parent!.Name;
            var dll = Path.Combine(RepositoryRoot.Path, "src", "Livepeer.Host", "bin", configuration, "net10.0", "linux-x64", "Livepeer.Host.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Host build not found at {dll}; build it first (dotnet build src/Livepeer.Host -c {configuration}).");
        }
    }
}
