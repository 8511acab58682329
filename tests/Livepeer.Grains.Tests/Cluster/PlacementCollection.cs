namespace Livepeer.Grains.Tests.Cluster;

[CollectionDefinition(Name)]
public sealed class PlacementCollection : ICollectionFixture<PlacementClusterFixture>
{
    public const string Name = "placement cluster";
}
