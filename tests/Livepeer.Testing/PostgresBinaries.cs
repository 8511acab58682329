using System.Globalization;

namespace Livepeer.Testing;

/// <summary>Locates the PostgreSQL server programs (initdb, pg_ctl) installed on this machine.</summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>
    /// The newest <c>/usr/lib/postgresql/NN/bin</c> that holds initdb and pg_ctl, else a PATH
    /// directory that does; throws with installation advice when there is none.
    /// </summary>
    public static string FindBinDirectory()
    {
        if (Directory.Exists(DebianRoot))
        {
            var newest = Directory.EnumerateDirectories(DebianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: ParseVersion(Path.GetFileName(dir))))
                .Where(c => c.Version is not null && HasServerPrograms(c.Dir))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServerPrograms);
        if (fromPath is not null)
        {
            return fromPath;
        }

        throw new InvalidOperationException(
            $"No PostgreSQL server programs (initdb, pg_ctl) were found under {DebianRoot}/*/bin or on PATH, " +
            "so the tests cannot start their throwaway PostgreSQL server. Install them, e.g. on Debian/Ubuntu as root: " +
            "'apt-get update && apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends postgresql-15' " +
            $"(any postgresql-NN works). Alternatively set {PostgresServer.EnvironmentVariable} to an Npgsql connection " +
            "string of a running server whose user may create databases.");
    }

    private static Version? ParseVersion(string name)
        => Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version
            : int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? new Version(major, 0) : null;

    private static bool HasServerPrograms(string dir)
        => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));
}
