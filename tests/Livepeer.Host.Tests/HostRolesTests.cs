using Livepeer.Host.Hosting;

namespace Livepeer.Host.Tests;

public sealed class HostRolesTests
{
    [Theory]
    [InlineData(null, HostRole.All)]
    [InlineData("worker", HostRole.Worker)]
    [InlineData("gateway, orchestrator", HostRole.Gateway | HostRole.Orchestrator)]
    [InlineData("Worker,GATEWAY", HostRole.Worker | HostRole.Gateway)]
    [InlineData("all", HostRole.All)]
    public void Read_KnownRoles_ParsesThem(string? value, HostRole expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(value is null ? [] : new Dictionary<string, string?> { [HostRoles.Key] = value }).Build();

        Assert.Equal(expected, HostRoles.Read(configuration));
    }

    [Fact]
    public void Read_RolesAsArray_ParsesThem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{HostRoles.Key}:0"] = "orchestrator",
            [$"{HostRoles.Key}:1"] = "worker",
        }).Build();

        Assert.Equal(HostRole.Orchestrator | HostRole.Worker, HostRoles.Read(configuration));
    }

    [Theory]
    [InlineData("transcoder")]
    [InlineData("worker,broadcaster")]
    public void Read_UnknownRole_NamesTheKeyAndRole(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [HostRoles.Key] = value }).Build();

        var error = Assert.Throws<LivepeerConfigurationException>(() => HostRoles.Read(configuration));

        Assert.StartsWith("Livepeer:Roles: unknown role", error.Message, StringComparison.Ordinal);
    }
}
