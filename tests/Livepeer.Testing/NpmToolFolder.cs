using System.Security.Cryptography;

namespace Livepeer.Testing;

/// <summary>
/// Node tools a test suite needs, pinned by a <c>package.json</c> and <c>package-lock.json</c> in the repository, installed
/// once with <c>npm ci</c> into a cache folder (<c>.cache/{name}</c>, or the folder an environment variable names) and
/// reinstalled when the lock file changes. The source folder's other files (scripts) are copied next to
/// <c>node_modules</c>, so ES modules resolve their imports. Concurrent test processes serialise on a lock file.
/// </summary>
public sealed class NpmToolFolder(string sourceFolder, string cacheName, string environmentVariable, string requiredFile) : IDisposable
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim installGate = new(1, 1);
    private string? installedIn;

    /// <summary>Installs the tools if the cache lacks them or was installed from another lock file; returns the cache folder.</summary>
    public async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        await installGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (installedIn is not null)
                return installedIn;

            var configured = Environment.GetEnvironmentVariable(environmentVariable);
            var cache = string.IsNullOrWhiteSpace(configured) ? Path.Combine(RepositoryRoot.Path, ".cache", cacheName) : configured;
            Directory.CreateDirectory(cache);
            var source = RepositoryRoot.Require(sourceFolder);
            var sourceFiles = Directory.GetFiles(source);
            var stamp = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                string.Concat(sourceFiles.Order(StringComparer.Ordinal).Select(File.ReadAllText)))));
            var stampFile = Path.Combine(cache, ".installed");

            // Another test process (one assembly per process) may be installing into the same folder right now.
            await using (await AcquireFileLockAsync(Path.Combine(cache, ".lock"), cancellationToken).ConfigureAwait(false))
            {
                var current = File.Exists(stampFile) ? await File.ReadAllTextAsync(stampFile, cancellationToken).ConfigureAwait(false) : "";
                if (current != stamp || !File.Exists(Path.Combine(cache, requiredFile)))
                {
                    foreach (var file in sourceFiles)
                        File.Copy(file, Path.Combine(cache, Path.GetFileName(file)), overwrite: true);

                    // --ignore-scripts: install scripts would only be download fallbacks; binaries come as optional dependencies.
                    await ProcessRunner.RunAsync(
                        "npm",
                        ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", cache],
                        InstallTimeout,
                        cancellationToken).ConfigureAwait(false);
                    if (!File.Exists(Path.Combine(cache, requiredFile)))
                        throw new InvalidOperationException($"npm ci in {cache} did not install {requiredFile}.");
                    await File.WriteAllTextAsync(stampFile, stamp, cancellationToken).ConfigureAwait(false);
                }
            }

            installedIn = cache;
            return cache;
        }
        finally
        {
            installGate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => installGate.Dispose();

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
