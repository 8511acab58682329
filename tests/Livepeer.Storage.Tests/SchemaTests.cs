using Livepeer.Testing;
using Npgsql;

namespace Livepeer.Storage.Tests;

[Collection(PostgresServer.CollectionName)]
public sealed class SchemaTests(PostgresServer server)
{
    /// <summary>Every key the 10.4.2 clustering, persistence and reminder providers look up.</summary>
    internal static readonly string[] RequiredQueryKeys =
    [
        // Orleans.Clustering.AdoNet
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        // Orleans.Persistence.AdoNet
        "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
        // Orleans.Reminders.AdoNet
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private static readonly string[] ExpectedTables =
    [
        "orleansquery", "orleansmembershipversiontable", "orleansmembershiptable",
        "orleansstorage", "orleansreminderstable", "livepeer_schema_migrations",
    ];

    [Fact]
    public async Task EnsureCreated_on_an_empty_database_creates_every_table_and_query()
    {
        var cs = await server.CreateDatabaseAsync("schema_fresh");
        Assert.Empty(await Db.TablesAsync(cs));

        await PostgresSchema.EnsureCreatedAsync(cs);

        Assert.Superset(new HashSet<string>(ExpectedTables), await Db.TablesAsync(cs));
        var keys = (await Db.RowsAsync(cs, "SELECT querykey FROM orleansquery")).Select(r => (string)r[0]!).ToHashSet();
        Assert.Equal(RequiredQueryKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));

        var history = await Db.RowsAsync(cs, "SELECT version, name, length(checksum) FROM livepeer_schema_migrations ORDER BY version");
        Assert.Equal([1, 2, 3, 4], history.Select(r => (int)r[0]!));
        Assert.Equal(
            ["001_orleans_main.sql", "002_orleans_clustering.sql", "003_orleans_persistence.sql", "004_orleans_reminders.sql"],
            history.Select(r => (string)r[1]!));
        Assert.All(history, r => Assert.Equal(64, (int)r[2]!));
    }

    [Fact]
    public async Task EnsureCreated_twice_in_a_row_changes_nothing()
    {
        var cs = await server.CreateDatabaseAsync("schema_twice");
        await PostgresSchema.EnsureCreatedAsync(cs);
        await Db.ExecuteAsync(cs, "INSERT INTO orleansmembershipversiontable (deploymentid) VALUES ('keep-me')");

        await PostgresSchema.EnsureCreatedAsync(cs);

        Assert.Equal(4L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM livepeer_schema_migrations"));
        Assert.Equal((long)RequiredQueryKeys.Length, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM orleansquery"));
        Assert.Equal(1L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM orleansmembershipversiontable"));
    }

    [Fact]
    public async Task EnsureCreated_from_several_callers_at_once_applies_each_script_once()
    {
        var cs = await server.CreateDatabaseAsync("schema_race");

        // Separate connection strings (different application names) give separate pools, like separate processes.
        var callers = Enumerable.Range(0, 4)
            .Select(i => new NpgsqlConnectionStringBuilder(cs) { ApplicationName = $"silo{i}" }.ConnectionString)
            .Select(s => Task.Run(() => PostgresSchema.EnsureCreatedAsync(s)));
        await Task.WhenAll(callers);

        Assert.Equal(4L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM livepeer_schema_migrations"));
        Assert.Equal((long)RequiredQueryKeys.Length, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM orleansquery"));
    }

    [Fact]
    public async Task A_script_changed_after_it_was_applied_is_refused()
    {
        var cs = await server.CreateDatabaseAsync("schema_tampered");
        await PostgresSchema.EnsureCreatedAsync(cs);
        await Db.ExecuteAsync(cs, "UPDATE livepeer_schema_migrations SET checksum = 'edited' WHERE version = 3");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchema.EnsureCreatedAsync(cs));
        Assert.Contains("003_orleans_persistence.sql", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused()
    {
        var cs = await server.CreateDatabaseAsync("schema_newer");
        await PostgresSchema.EnsureCreatedAsync(cs);
        await Db.ExecuteAsync(cs, "INSERT INTO livepeer_schema_migrations (version, name, checksum) VALUES (999, '999_future.sql', 'x')");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchema.EnsureCreatedAsync(cs));
        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureDatabase_creates_the_named_database_once_even_when_racing()
    {
        var name = "ensure_db_" + Guid.NewGuid().ToString("N")[..8];
        var cs = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
        try
        {
            Assert.False(await PostgresSchema.DatabaseExistsAsync(cs));

            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PostgresSchema.EnsureDatabaseAsync(cs))));
            Assert.True(await PostgresSchema.DatabaseExistsAsync(cs));

            await PostgresSchema.EnsureDatabaseAsync(cs);
            await PostgresSchema.EnsureCreatedAsync(cs);
            Assert.Superset(new HashSet<string>(ExpectedTables), await Db.TablesAsync(cs));
        }
        finally
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(cs));
            await Db.ExecuteAsync(server.AdminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    [Fact]
    public async Task A_missing_database_is_reported_with_server_and_name()
    {
        var cs = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = "no_such_db_here" }.ConnectionString;

        var ex = await Assert.ThrowsAsync<PostgresUnavailableException>(() => PostgresSchema.EnsureCreatedAsync(cs));

        var builder = new NpgsqlConnectionStringBuilder(cs);
        Assert.Contains($"{builder.Host}:{builder.Port}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_db_here", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_with_host_port_and_database()
    {
        var port = FreeTcpPort.Next(); // nothing listens there
        var cs = $"Host=127.0.0.1;Port={port};Username=postgres;Database=livepeer_nowhere;Timeout=5";

        var created = await Assert.ThrowsAsync<PostgresUnavailableException>(() => PostgresSchema.EnsureCreatedAsync(cs));
        var exists = await Assert.ThrowsAsync<PostgresUnavailableException>(() => PostgresSchema.DatabaseExistsAsync(cs));
        var ensured = await Assert.ThrowsAsync<PostgresUnavailableException>(() => PostgresSchema.EnsureDatabaseAsync(cs));

        foreach (var ex in new[] { created, exists, ensured })
        {
            Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
            Assert.Contains("livepeer_nowhere", ex.Message, StringComparison.Ordinal);
            Assert.Contains("cannot be reached", ex.Message, StringComparison.Ordinal);
        }
    }
}
