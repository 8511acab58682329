using System.Net.Sockets;
using Npgsql;

namespace Livepeer.Storage;

/// <summary>
/// Opens connections and turns the driver's failures to connect into a
/// <see cref="PostgresUnavailableException"/> that says which server and database were meant.
/// </summary>
internal static class Connections
{
    /// <summary>SQLSTATE 3D000: the database named in the connection string does not exist.</summary>
    private const string InvalidCatalogName = "3D000";

    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new NpgsqlConnectionStringBuilder(connectionString);
    }

    /// <summary>Where a connection string points, as "host:port, database 'name'" for messages.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
        => $"{builder.Host ?? "localhost"}:{builder.Port}, database '{DatabaseOf(builder)}'";

    /// <summary>The database a connection string names; Npgsql defaults it to the user name.</summary>
    public static string DatabaseOf(NpgsqlConnectionStringBuilder builder)
        => !string.IsNullOrEmpty(builder.Database) ? builder.Database : builder.Username ?? "postgres";

    /// <summary>Opens a connection; <paramref name="reportAs"/> is the target named in failure messages when it differs.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(
        NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken, NpgsqlConnectionStringBuilder? reportAs = null)
    {
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex) when (Translate(ex, reportAs ?? builder, cancellationToken) is { } translated)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw translated;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static PostgresUnavailableException? Translate(Exception ex, NpgsqlConnectionStringBuilder builder, CancellationToken cancellationToken)
    {
        if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var where = Describe(builder);
        return ex switch
        {
            PostgresException { SqlState: InvalidCatalogName } =>
                new PostgresUnavailableException(
                    $"PostgreSQL at {where}: the database does not exist. Create it first (PostgresSchema.EnsureDatabaseAsync).", ex),
            PostgresException pg =>
                new PostgresUnavailableException(
                    $"PostgreSQL at {where} refused the connection for user '{builder.Username}': {pg.SqlState} {pg.MessageText}", ex),
            NpgsqlException or SocketException or TimeoutException or OperationCanceledException =>
                new PostgresUnavailableException(
                    $"PostgreSQL server at {where} cannot be reached: {ex.Message}", ex),
            _ => null,
        };
    }
}
