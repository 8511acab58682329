using Livepeer.Testing;

namespace Livepeer.Deployment.Tests;

[CollectionDefinition(PostgresServer.CollectionName)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
