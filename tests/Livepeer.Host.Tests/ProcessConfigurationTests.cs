using Livepeer.Testing;

namespace Livepeer.Host.Tests;

/// <summary>The real executable refuses bad configuration: exit code 2 and the key on stderr.</summary>
public sealed class ProcessConfigurationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("livepeer-process-config-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Host_MissingModelFolderAndUnknownRole_ExitsWithCode2AndNamesEachKey()
    {
        var configuration = new HostConfiguration
        {
            Roles = "worker,miner",
            ModelsPath = Path.Combine(directory, "missing-models"),
        };
        await using var host = HostProcess.Start(HostBuild.Dll, configuration.WriteFile(directory), configuration.HttpPort);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Livepeer.Host refused to start: the configuration is wrong.", host.Output, StringComparison.Ordinal);
        Assert.Contains("Livepeer:Roles: unknown role 'miner'", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_NegativeDeviceSlots_ExitsWithCode2AndNamesTheKey()
    {
        var configuration = new HostConfiguration { Overrides = { ["Livepeer:Worker:Devices:0:Slots"] = "-4" } };
        await using var host = HostProcess.Start(HostBuild.Dll, configuration.WriteFile(directory), configuration.HttpPort);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Livepeer:Worker:Devices:0:Slots must be positive, got -4", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_ConfigFileMissing_ExitsWithCode2()
    {
        await using var host = HostProcess.Start(HostBuild.Dll, Path.Combine(directory, "nope.json"), 1);

        Assert.Equal(2, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("configuration file", host.Output, StringComparison.Ordinal);
    }
}
