using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Livepeer.Testing;

/// <summary>
/// A throwaway Ethereum node for tests: anvil (chain id 31337, its ten well-known dev accounts) on a free loopback
/// port, with a fresh state directory, killed with its process tree on dispose. Accounts and keys are read from
/// anvil's <c>--config-out</c> file rather than hard-coded, so a changed anvil default shows up as a clear failure.
/// </summary>
public sealed class LocalChain : IAsyncDisposable
{
    /// <summary>The chain id the node is started with.</summary>
    public const long ChainId = 31337;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private readonly Process process;
    private readonly StringBuilder log;
    private readonly string workFolder;

    private LocalChain(Process process, StringBuilder log, string workFolder, int port, IReadOnlyList<string> accounts, IReadOnlyList<string> keys, TimeSpan startup)
    {
        this.process = process;
        this.log = log;
        this.workFolder = workFolder;
        Port = port;
        Accounts = accounts;
        PrivateKeys = keys;
        StartupTime = startup;
    }

    /// <summary>The loopback port anvil listens on.</summary>
    public int Port { get; }

    /// <summary>The JSON-RPC endpoint.</summary>
    public Uri RpcUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The funded dev accounts (lower-case 0x hex), in anvil's order.</summary>
    public IReadOnlyList<string> Accounts { get; }

    /// <summary>The private keys of <see cref="Accounts"/> (0x hex), same order.</summary>
    public IReadOnlyList<string> PrivateKeys { get; }

    /// <summary>From starting the process to the first answered <c>eth_chainId</c>.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Installs the tools if needed and starts a node; retries on a new port if another process took the first.</summary>
    public static async Task<LocalChain> StartAsync(CancellationToken cancellationToken = default)
    {
        var tools = await ChainTools.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(ChainTools.AnvilPath(tools), FreeTcpPort.Next(), cancellationToken).ConfigureAwait(false);
            }
            catch (AnvilExitedException) when (attempt < 3)
            {
                // Most likely the port was taken between choosing it and anvil binding it.
            }
        }
    }

    /// <summary>
    /// Compiles a Solidity file of the repository (e.g. <c>contracts/TicketBroker.sol</c>) with solc-js 0.8.37 through
    /// <c>tests/chain/compile.js</c>; fails with the compiler's messages on an error.
    /// </summary>
    public static async Task<CompiledContracts> CompileAsync(string relativeSourcePath, CancellationToken cancellationToken = default)
    {
        var tools = await ChainTools.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        var source = RepositoryRoot.Require(relativeSourcePath);
        var script = RepositoryRoot.Require(Path.Combine("tests", "chain", "compile.js"));
        var output = Path.Combine(Path.GetTempPath(), "livepeer-solc-" + Guid.NewGuid().ToString("N")[..12] + ".json");
        var watch = Stopwatch.StartNew();
        try
        {
            await ProcessRunner.RunAsync(
                "node",
                [script, source, output],
                TimeSpan.FromMinutes(2),
                new Dictionary<string, string> { ["NODE_PATH"] = ChainTools.NodeModules(tools) },
                cancellationToken).ConfigureAwait(false);
            var json = await File.ReadAllTextAsync(output, cancellationToken).ConfigureAwait(false);
            return CompiledContracts.Parse(json, watch.Elapsed);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Kills anvil and removes its state folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        try
        {
            Directory.Delete(workFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>What anvil printed so far (it runs with --silent, so mostly errors).</summary>
    public string Log()
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static async Task<LocalChain> StartOnceAsync(string anvil, int port, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "livepeer-anvil-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var configOut = Path.Combine(folder, "accounts.json");
        var info = new ProcessStartInfo(anvil)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[]
                 {
                     "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture),
                     "--chain-id", ChainId.ToString(CultureInfo.InvariantCulture), "--silent", "--config-out", configOut,
                 })
        {
            info.ArgumentList.Add(argument);
        }

        var log = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.AppendLine(e.Data); } } };
        var watch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var chain = new LocalChain(process, log, folder, port, [], [], TimeSpan.Zero);
        try
        {
            await WaitUntilReadyAsync(process, log, port, cancellationToken).ConfigureAwait(false);
            var startup = watch.Elapsed;
            using var accounts = JsonDocument.Parse(await File.ReadAllTextAsync(configOut, cancellationToken).ConfigureAwait(false));
            var addresses = accounts.RootElement.GetProperty("available_accounts").EnumerateArray().Select(a => a.GetString()!).ToArray();
            var keys = accounts.RootElement.GetProperty("private_keys").EnumerateArray().Select(k => k.GetString()!).ToArray();
            return new LocalChain(process, log, folder, port, addresses, keys, startup);
        }
        catch
        {
            await chain.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task WaitUntilReadyAsync(Process process, StringBuilder log, int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                string text;
                lock (log)
                {
                    text = log.ToString();
                }

                throw new AnvilExitedException($"anvil exited with code {process.ExitCode} before answering on port {port}:\n{text}");
            }

            try
            {
                using var content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}""", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode && body.Contains("\"result\"", StringComparison.Ordinal))
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A request timed out while anvil was starting.
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"anvil did not answer eth_chainId on port {port} within {ReadyTimeout.TotalSeconds:0} s.");
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class AnvilExitedException(string message) : Exception(message);
}
