using Livepeer.Storage;

namespace Livepeer.Host.Hosting;

/// <summary>Creates the database and the Orleans schema before the silo starts (registered before the silo, so it runs first).</summary>
internal sealed class PostgresSchemaInstaller(string connectionString) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PostgresSchema.EnsureDatabaseAsync(connectionString, cancellationToken);
        await PostgresSchema.EnsureCreatedAsync(connectionString, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
