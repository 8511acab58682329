namespace Livepeer.Testing;

/// <summary>
/// The npm-packaged Ethereum tools the chain tests use (anvil 1.7.1, solc-js 0.8.37), installed once with
/// <c>npm ci</c> from the lock file in <c>tests/chain</c> into <c>.cache/npm-chain</c> (or <c>LIVEPEER_NPM_CHAIN</c>).
/// </summary>
public static class ChainTools
{
    private static readonly NpmToolFolder Folder = new(Path.Combine("tests", "chain"), "npm-chain", "LIVEPEER_NPM_CHAIN", AnvilPath(""));

    /// <summary>The anvil executable from the platform package that npm picked (linux-x64 on the project's machines).</summary>
    public static string AnvilPath(string cacheFolder) =>
        Path.Combine(cacheFolder, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    /// <summary>The <c>node_modules</c> folder that holds <c>solc</c>, for <c>NODE_PATH</c>.</summary>
    public static string NodeModules(string cacheFolder) => Path.Combine(cacheFolder, "node_modules");

    /// <summary>Installs the tools if the cache lacks them or was installed from another lock file; returns the cache folder.</summary>
    public static Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default) => Folder.EnsureInstalledAsync(cancellationToken);
}
