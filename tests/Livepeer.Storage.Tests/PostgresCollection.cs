using Livepeer.Testing;

namespace Livepeer.Storage.Tests;

/// <summary>One PostgreSQL server for the whole assembly; every test creates its own database on it.</summary>
[CollectionDefinition(PostgresServer.CollectionName)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
