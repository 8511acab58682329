using Livepeer.Testing;

namespace Livepeer.Host.Tests;

[CollectionDefinition(PostgresServer.CollectionName)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
