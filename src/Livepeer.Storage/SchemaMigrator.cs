using Npgsql;

namespace Livepeer.Storage;

/// <summary>
/// Applies the embedded scripts that a database has not seen yet, all in one transaction that
/// holds an advisory lock, and records each one in <c>livepeer_schema_migrations</c>.
/// </summary>
/// <remarks>
/// PostgreSQL runs DDL inside transactions, so a failure part-way leaves the database exactly as
/// it was. The lock is transaction-scoped (released by commit or rollback, also when the process
/// dies) and advisory locks are per database, so unrelated databases on one server do not wait
/// for each other. A second process blocks on the lock, and under READ COMMITTED it then sees
/// the first one's committed bookkeeping and finds nothing left to do.
/// </remarks>
internal static class SchemaMigrator
{
    /// <summary>Advisory lock key: the ASCII bytes of "LPSCHEMA" read as one 64-bit number.</summary>
    internal const long LockKey = 0x4C50_5343_4845_4D41;

    internal const string HistoryTable = "livepeer_schema_migrations";

    private const string CreateHistorySql = $"""
        CREATE TABLE IF NOT EXISTS {HistoryTable}
        (
            version   integer     NOT NULL PRIMARY KEY,
            name      text        NOT NULL,
            checksum  text        NOT NULL,
            appliedon timestamptz NOT NULL DEFAULT now()
        )
        """;

    public static async Task ApplyAsync(string connectionString, IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        var builder = Connections.Parse(connectionString);
        await using var connection = await Connections.OpenAsync(builder, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Waiting for the lock and applying scripts may take longer than Npgsql's 30 s default
        // command timeout (a concurrent upgrade, DDL on a big table); the caller's token bounds them instead.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction) { CommandTimeout = 0 })
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var createHistory = new NpgsqlCommand(CreateHistorySql, connection, transaction))
        {
            await createHistory.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = await ReadHistoryAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        Verify(applied, scripts, builder);

        foreach (var script in scripts)
        {
            if (applied.ContainsKey(script.Version))
            {
                continue;
            }

            try
            {
                // No parameters: Npgsql sends the text as a simple multi-statement query.
                await using var apply = new NpgsqlCommand(script.Text, connection, transaction) { CommandTimeout = 0 };
                await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex)
            {
                throw new InvalidOperationException(
                    $"Schema script {script.Name} failed on {Connections.Describe(builder)}: {ex.SqlState} {ex.MessageText}", ex);
            }

            await using var record = new NpgsqlCommand(
                $"INSERT INTO {HistoryTable} (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = script.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadHistoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand($"SELECT version, name, checksum FROM {HistoryTable}", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    /// <summary>
    /// Refuses to go on when history and scripts disagree: an applied script must never change
    /// (write a new numbered script instead), and a database already upgraded by a newer build
    /// must not be used by an older one.
    /// </summary>
    private static void Verify(Dictionary<int, (string Name, string Checksum)> applied, IReadOnlyList<SchemaScript> scripts, NpgsqlConnectionStringBuilder builder)
    {
        var known = scripts.ToDictionary(s => s.Version);
        foreach (var (version, (name, checksum)) in applied)
        {
            if (!known.TryGetValue(version, out var script))
            {
                throw new InvalidOperationException(
                    $"Database at {Connections.Describe(builder)} has schema step {version} ({name}) applied, which this build of Livepeer.Storage does not know; it was upgraded by a newer build.");
            }

            if (!string.Equals(script.Checksum, checksum, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Schema script {script.Name} was changed after it had been applied to {Connections.Describe(builder)}. Applied scripts are immutable; add a new numbered script instead.");
            }
        }
    }
}
