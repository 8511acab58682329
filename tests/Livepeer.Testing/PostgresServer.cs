using System.Text;
using Npgsql;

namespace Livepeer.Testing;

/// <summary>
/// A PostgreSQL server for tests, shared by all tests of one test assembly, handing each test a
/// brand-new empty database of its own.
/// </summary>
/// <remarks>
/// <para>
/// When the environment variable <c>LIVEPEER_TEST_POSTGRES</c> holds an Npgsql connection string,
/// that server is used (its user must be allowed to create databases); the databases created
/// here are dropped again on dispose. Otherwise a throwaway cluster is started from the newest
/// <c>/usr/lib/postgresql/*/bin</c> (initdb into a temporary directory, run as the <c>postgres</c>
/// user when the tests run as root, loopback only, trust authentication, fsync off) and removed
/// on dispose. Without PostgreSQL binaries <see cref="InitializeAsync"/> fails with instructions:
/// tests that need a database fail, they are never skipped.
/// </para>
/// <para>
/// xunit only honours collection definitions declared in the test assembly itself, so each test
/// project that uses this fixture declares:
/// <code>
/// [CollectionDefinition(PostgresServer.CollectionName)]
/// public sealed class PostgresCollection : ICollectionFixture&lt;PostgresServer&gt;;
/// </code>
/// and marks its test classes with <c>[Collection(PostgresServer.CollectionName)]</c>, taking a
/// <see cref="PostgresServer"/> constructor parameter. Tests in one collection run one after
/// another, which also keeps a 2-core machine from being swamped.
/// </para>
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>Name of the environment variable that points the tests at an existing server.</summary>
    public const string EnvironmentVariable = "LIVEPEER_TEST_POSTGRES";

    /// <summary>The xunit collection name test projects use for their <c>PostgresCollection</c>.</summary>
    public const string CollectionName = "postgres";

    private const int MaxIdentifierLength = 63;

    private readonly List<string> createdDatabases = [];
    private LocalPostgresCluster? cluster;
    private string? adminConnectionString;

    /// <summary>Connection string to the server's <c>postgres</c> database as a user that may create databases.</summary>
    /// <exception cref="InvalidOperationException">Before <see cref="InitializeAsync"/> has completed.</exception>
    public string AdminConnectionString =>
        adminConnectionString ?? throw new InvalidOperationException("The PostgreSQL server has not been started yet.");

    /// <summary><see langword="true"/> when the server came from <c>LIVEPEER_TEST_POSTGRES</c> rather than being started here.</summary>
    public bool IsExternal { get; private set; }

    /// <summary>The log file of the throwaway server, or <see langword="null"/> for an external one.</summary>
    public string? ServerLogFile => cluster?.LogFile;

    /// <summary>Starts the throwaway server, or checks that the external one answers.</summary>
    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            IsExternal = true;
            adminConnectionString = external;
        }
        else
        {
            cluster = await LocalPostgresCluster.StartAsync().ConfigureAwait(false);
            adminConnectionString = cluster.AdminConnectionString;
        }

        await using var connection = new NpgsqlConnection(adminConnectionString);
        try
        {
            await connection.OpenAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            if (cluster is not null)
            {
                await cluster.StopAsync().ConfigureAwait(false);
            }

            var source = IsExternal ? $"the server named by {EnvironmentVariable}" : $"the throwaway server (log: {cluster?.LogFile})";
            throw new InvalidOperationException($"Cannot connect to {source}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Creates a new, empty database named after <paramref name="prefix"/> plus a random suffix.
    /// </summary>
    /// <param name="prefix">A readable hint such as the test's name; anything but [a-z0-9_] is replaced.</param>
    /// <returns>A connection string to the new database, with the server's credentials.</returns>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = DatabaseName(prefix);
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        lock (createdDatabases)
        {
            createdDatabases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops and removes the throwaway server, or drops the databases created on the external one.</summary>
    public async Task DisposeAsync()
    {
        string[] databases;
        lock (createdDatabases)
        {
            databases = [.. createdDatabases];
            createdDatabases.Clear();
        }

        if (adminConnectionString is not null)
        {
            foreach (var database in databases)
            {
                // Idle pooled connections to these databases would otherwise be broken (or block a DROP).
                using var pooled = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString);
                NpgsqlConnection.ClearPool(pooled);
            }
        }

        if (cluster is not null)
        {
            await cluster.StopAsync().ConfigureAwait(false);
            cluster = null;
            return;
        }

        if (IsExternal && adminConnectionString is not null && databases.Length > 0)
        {
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            foreach (var database in databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }

    private static string DatabaseName(string prefix)
    {
        var clean = new StringBuilder();
        foreach (var c in (prefix ?? string.Empty).ToLowerInvariant())
        {
            clean.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        if (clean.Length == 0 || char.IsDigit(clean[0]))
        {
            clean.Insert(0, "db_");
        }

        var suffix = "_" + Guid.NewGuid().ToString("N")[..10];
        var head = clean.ToString();
        if (head.Length + suffix.Length > MaxIdentifierLength)
        {
            head = head[..(MaxIdentifierLength - suffix.Length)];
        }

        return head + suffix;
    }
}
