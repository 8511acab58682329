using System.Security.Cryptography;

namespace Livepeer.Testing;

/// <summary>
/// The npm-packaged Ethereum tools the chain tests use (anvil 1.7.1, solc-js 0.8.37), installed once with
/// <c>npm ci</c> from the lock file in <c>tests/chain</c> into <c>.cache/npm-chain</c> (or <c>LIVEPEER_NPM_CHAIN</c>).
/// Reinstalled when the lock file changes; concurrent test processes serialise on a lock file.
/// </summary>
public static class ChainTools
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static string? installedIn;

    /// <summary>The anvil executable from the platform package that npm picked (linux-x64 on the project's machines).</summary>
    public static string AnvilPath(string cacheFolder) =>
        Path.Combine(cacheFolder, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    /// <summary>The <c>node_modules</c> folder that holds <c>solc</c>, for <c>NODE_PATH</c>.</summary>
    public static string NodeModules(string cacheFolder) => Path.Combine(cacheFolder, "node_modules");

    /// <summary>Installs the tools if the cache lacks them or was installed from another lock file; returns the cache folder.</summary>
    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        await InstallGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (installedIn is not null)
                return installedIn;

            var configured = Environment.GetEnvironmentVariable("LIVEPEER_NPM_CHAIN");
            var cache = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(RepositoryRoot.Path, ".cache", "npm-chain")
                : configured;
            Directory.CreateDirectory(cache);
            var sourceFolder = RepositoryRoot.Require(Path.Combine("tests", "chain"));
            var lockText = await File.ReadAllTextAsync(Path.Combine(sourceFolder, "package-lock.json"), cancellationToken).ConfigureAwait(false);
            var stamp = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lockText)));
            var stampFile = Path.Combine(cache, ".installed");

            // Another test process (one assembly per process) may be installing into the same folder right now.
            await using (await AcquireFileLockAsync(Path.Combine(cache, ".lock"), cancellationToken).ConfigureAwait(false))
            {
                var current = File.Exists(stampFile) ? await File.ReadAllTextAsync(stampFile, cancellationToken).ConfigureAwait(false) : "";
                if (current != stamp || !File.Exists(AnvilPath(cache)))
                {
                    File.Copy(Path.Combine(sourceFolder, "package.json"), Path.Combine(cache, "package.json"), overwrite: true);
                    File.Copy(Path.Combine(sourceFolder, "package-lock.json"), Path.Combine(cache, "package-lock.json"), overwrite: true);
                    // --ignore-scripts: anvil's postinstall is only a download fallback; the binary arrives as an optional dependency.
                    await ProcessRunner.RunAsync(
                        "npm",
                        ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", cache],
                        InstallTimeout,
                        cancellationToken).ConfigureAwait(false);
                    if (!File.Exists(AnvilPath(cache)))
                        throw new InvalidOperationException($"npm ci in {cache} did not install the anvil binary at {AnvilPath(cache)}.");
                    await File.WriteAllTextAsync(stampFile, stamp, cancellationToken).ConfigureAwait(false);
                }
            }

            installedIn = cache;
            return cache;
        }
        finally
        {
            InstallGate.Release();
        }
    }

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
