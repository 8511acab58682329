namespace Livepeer.Storage;

/// <summary>
/// Creates and upgrades the PostgreSQL schema that Livepeer's Orleans silos need: the Orleans
/// query catalogue plus the clustering (membership), grain persistence and reminder tables.
/// </summary>
/// <remarks>
/// <para>
/// The schema is a numbered series of SQL scripts embedded in this assembly. Applied scripts are
/// recorded in <c>livepeer_schema_migrations</c> (version, name, SHA-256 of the text, time), so
/// running <see cref="EnsureCreatedAsync"/> again applies only what is missing. Every run holds a
/// PostgreSQL advisory lock for the duration of its transaction, so silos that start at the same
/// moment against the same database apply the scripts exactly once between them.
/// </para>
/// <para>
/// Configure the Orleans providers with <c>Invariant = "Npgsql"</c> and the same connection string.
/// </para>
/// </remarks>
public static class PostgresSchema
{
    /// <summary>
    /// Brings the database named in <paramref name="connectionString"/> up to the current schema.
    /// Safe to call on every start-up, repeatedly and from several processes at once.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string naming an existing database.</param>
    /// <param name="cancellationToken">Cancels the work; the transaction is then rolled back.</param>
    /// <exception cref="PostgresUnavailableException">
    /// The server cannot be reached, refuses the login, or the database does not exist.
    /// </exception>
    /// <exception cref="InvalidOperationException">
    /// A script recorded as applied differs from the one in this assembly, or the database holds
    /// a schema version newer than this assembly knows.
    /// </exception>
    public static Task EnsureCreatedAsync(string connectionString, CancellationToken cancellationToken = default)
        => SchemaMigrator.ApplyAsync(connectionString, EmbeddedScripts.All, cancellationToken);

    /// <summary>
    /// Tells whether the database named in <paramref name="connectionString"/> exists on its server.
    /// </summary>
    /// <param name="connectionString">
    /// An Npgsql connection string. The check itself runs against the server's <c>postgres</c>
    /// database with the same credentials.
    /// </param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when the database exists.</returns>
    /// <exception cref="PostgresUnavailableException">The server cannot be reached or refuses the login.</exception>
    public static Task<bool> DatabaseExistsAsync(string connectionString, CancellationToken cancellationToken = default)
        => DatabaseProvisioner.ExistsAsync(connectionString, cancellationToken);

    /// <summary>
    /// Creates the database named in <paramref name="connectionString"/> when it does not exist yet.
    /// Concurrent callers are fine: losing the race to create it counts as success.
    /// </summary>
    /// <param name="connectionString">
    /// An Npgsql connection string; its user needs the CREATEDB privilege when the database is missing.
    /// </param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="PostgresUnavailableException">The server cannot be reached or refuses the login.</exception>
    public static Task EnsureDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
        => DatabaseProvisioner.EnsureAsync(connectionString, cancellationToken);
}
