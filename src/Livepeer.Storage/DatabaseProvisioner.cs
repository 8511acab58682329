using Npgsql;

namespace Livepeer.Storage;

/// <summary>Checks for and creates the database itself, through the server's <c>postgres</c> database.</summary>
internal static class DatabaseProvisioner
{
    /// <summary>SQLSTATE 42P04: duplicate_database.</summary>
    private const string DuplicateDatabase = "42P04";

    /// <summary>SQLSTATE 23505: unique_violation, raised by pg_database when two creators race.</summary>
    private const string UniqueViolation = "23505";

    /// <summary>SQLSTATE 3D000: invalid_catalog_name (the maintenance database itself is missing).</summary>
    private const string InvalidCatalogName = "3D000";

    public static async Task<bool> ExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = Connections.Parse(connectionString);
        await using var connection = await OpenMaintenanceAsync(target, cancellationToken).ConfigureAwait(false);
        return await ExistsAsync(connection, Connections.DatabaseOf(target), cancellationToken).ConfigureAwait(false);
    }

    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = Connections.Parse(connectionString);
        var database = Connections.DatabaseOf(target);
        await using var connection = await OpenMaintenanceAsync(target, cancellationToken).ConfigureAwait(false);
        if (await ExistsAsync(connection, database, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // CREATE DATABASE takes no parameters; the name is quoted as an identifier instead.
        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand("CREATE DATABASE " + quoted, connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState is DuplicateDatabase or UniqueViolation)
        {
            // Someone else created it between our check and our CREATE: that is the outcome we wanted.
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Same server and credentials, but the <c>postgres</c> database and no pooling: this
    /// connection is used once, and an idle pooled one would linger on the server for nothing.
    /// </summary>
    /// <remarks>Falls back to <c>template1</c> on servers where <c>postgres</c> was dropped.</remarks>
    private static async Task<NpgsqlConnection> OpenMaintenanceAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        try
        {
            return await Connections.OpenAsync(Maintenance(target, "postgres"), cancellationToken, reportAs: target).ConfigureAwait(false);
        }
        catch (PostgresUnavailableException ex) when (ex.InnerException is PostgresException { SqlState: InvalidCatalogName })
        {
            return await Connections.OpenAsync(Maintenance(target, "template1"), cancellationToken, reportAs: target).ConfigureAwait(false);
        }
    }

    private static NpgsqlConnectionStringBuilder Maintenance(NpgsqlConnectionStringBuilder target, string database)
        => new(target.ConnectionString) { Database = database, Pooling = false };
}
