namespace Livepeer.Pipelines.Tests.Upscale;

/// <summary>Test classes that share <see cref="ThickModelFixture"/>.</summary>
[CollectionDefinition(ThickModelFixture.Collection)]
public sealed class ThickModelCollection : ICollectionFixture<ThickModelFixture>;
