using System.Globalization;

namespace Livepeer.Testing;

/// <summary>
/// A PostgreSQL cluster of its own: initdb into a fresh temporary directory, pg_ctl start on a
/// free loopback port, and on <see cref="StopAsync"/> pg_ctl stop plus removal of the directory.
/// Tuned for tests (no fsync, no synchronous commit), never for data anyone wants to keep.
/// </summary>
internal sealed class LocalPostgresCluster
{
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string binDirectory;
    private readonly bool asRoot;
    private EventHandler? processExitHandler;

    private LocalPostgresCluster(string binDirectory, string rootDirectory)
    {
        this.binDirectory = binDirectory;
        RootDirectory = rootDirectory;
        asRoot = Environment.IsPrivilegedProcess;
    }

    /// <summary>Holds data/, the server log and the server's Unix socket.</summary>
    public string RootDirectory { get; }

    public string DataDirectory => Path.Combine(RootDirectory, "data");

    public string LogFile => Path.Combine(RootDirectory, "server.log");

    public int Port { get; private set; }

    public string AdminConnectionString =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={ServiceUser};Database=postgres;Include Error Detail=true";

    public static async Task<LocalPostgresCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = PostgresBinaries.FindBinDirectory();
        // As root the server runs as "postgres", which must be able to reach the directory: /tmp is
        // world-traversable, a TMPDIR under /root is not. The short path also keeps the Unix socket
        // path below its 107-byte limit.
        var tempBase = Environment.IsPrivilegedProcess ? "/tmp" : Path.GetTempPath();
        var root = Path.Combine(tempBase, "livepeer-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var cluster = new LocalPostgresCluster(bin, root);
        try
        {
            await cluster.InitAsync(cancellationToken).ConfigureAwait(false);
            await cluster.StartServerAsync(cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        if (asRoot)
        {
            // initdb and postgres refuse to run as root; the files must belong to the service user.
            await ProcessRunner.RunAsync("chown", [$"{ServiceUser}:{ServiceUser}", RootDirectory], CommandTimeout, cancellationToken).ConfigureAwait(false);
        }

        await RunToolAsync("initdb",
            ["-D", DataDirectory, "-U", ServiceUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            cancellationToken).ConfigureAwait(false);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        // The port is only known to be free when picked; if another process wins it first, try again.
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeTcpPort.Next();
            if (File.Exists(LogFile))
            {
                File.Delete(LogFile);
            }

            var serverOptions = string.Join(' ',
                "-p", Port.ToString(CultureInfo.InvariantCulture),
                "-k", RootDirectory,
                "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
                "-c", "max_connections=300");
            try
            {
                await RunToolAsync("pg_ctl",
                    ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", serverOptions, "start"],
                    cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (InvalidOperationException) when (attempt < attempts && LogMentionsPortInUse())
            {
                // loop with a new port
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException($"{ex.Message}\nServer log ({LogFile}):\n{ReadLog()}", ex);
            }
        }

        // If the test host goes away without disposing the fixture, do not leave a server behind.
        processExitHandler = (_, _) => StopNow();
        AppDomain.CurrentDomain.ProcessExit += processExitHandler;
    }

    /// <summary>Stops the server (fast shutdown) and deletes the directory. Never throws.</summary>
    public async Task StopAsync()
    {
        if (processExitHandler is not null)
        {
            AppDomain.CurrentDomain.ProcessExit -= processExitHandler;
            processExitHandler = null;
        }

        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"], CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                // Already gone or wedged: removing the directory below is all that is left to do.
            }
        }

        DeleteDirectory();
    }

    private void StopNow()
    {
        try
        {
            RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "10", "stop"], CancellationToken.None)
                .GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // best effort during process exit
        }

        DeleteDirectory();
    }

    private void DeleteDirectory()
    {
        try
        {
            if (Directory.Exists(RootDirectory))
            {
                Directory.Delete(RootDirectory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private Task<string> RunToolAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var program = Path.Combine(binDirectory, tool);
        return asRoot
            ? ProcessRunner.RunAsync(RunUser, ["-u", ServiceUser, "--", program, .. arguments], CommandTimeout, cancellationToken)
            : ProcessRunner.RunAsync(program, arguments, CommandTimeout, cancellationToken);
    }

    private static string RunUser => File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : File.Exists("/sbin/runuser") ? "/sbin/runuser" : "runuser";

    private bool LogMentionsPortInUse()
        => ReadLog().Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
           || ReadLog().Contains("could not bind", StringComparison.OrdinalIgnoreCase);

    private string ReadLog()
    {
        try
        {
            return File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log written)";
        }
        catch (IOException ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
    }
}
