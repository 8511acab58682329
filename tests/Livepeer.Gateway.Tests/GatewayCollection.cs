namespace Livepeer.Gateway.Tests;

/// <summary>One all-roles host shared by the HTTP tests (starting a silo costs seconds on 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFactory>
{
    public const string Name = "gateway host";
}
