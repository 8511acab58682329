using System.Diagnostics;

namespace Livepeer.ModelTool.Fetch;

/// <summary>
/// Real photographs for quality tests: scikit-image's sample images (astronaut, chelsea, coffee) from Debian's
/// <c>python3-skimage</c> package, downloaded with <c>apt-get download</c> and unpacked with <c>dpkg-deb</c> (nothing
/// is installed), into <c>photos/</c> with the package's copyright file.
/// </summary>
internal sealed class PhotosFetcher : IAssetFetcher
{
    private const string DebianPackage = "python3-skimage";
    private const string DataFolder = "usr/lib/python3/dist-packages/skimage/data";
    private static readonly string[] Photos = ["astronaut.png", "chelsea.png", "coffee.png"];

    public string Name => "photos";

    public string Description => $"{string.Join(", ", Photos)} from Debian's {DebianPackage} (scikit-image sample data)";

    public async Task FetchAsync(string assetsRoot, CancellationToken cancellationToken)
    {
        var target = Path.Combine(assetsRoot, "photos");
        if (Photos.All(photo => File.Exists(Path.Combine(target, photo))))
            return;

        var work = Directory.CreateTempSubdirectory("livepeer-photos-").FullName;
        try
        {
            // A fresh machine may have no package lists yet; update once and try again.
            if (await RunAsync("apt-get", ["download", DebianPackage], work, cancellationToken) != 0)
            {
                await RunAsync("apt-get", ["-o", "DPkg::Lock::Timeout=900", "update", "-qq"], work, cancellationToken);
                if (await RunAsync("apt-get", ["download", DebianPackage], work, cancellationToken) != 0)
                    throw new InvalidOperationException($"apt-get download {DebianPackage} failed.");
            }

            var deb = Directory.EnumerateFiles(work, "*.deb").Single();
            var unpacked = Path.Combine(work, "unpacked");
            if (await RunAsync("dpkg-deb", ["-x", deb, unpacked], work, cancellationToken) != 0)
                throw new InvalidOperationException($"dpkg-deb -x {deb} failed.");

            Directory.CreateDirectory(target);
            foreach (var photo in Photos)
            {
                var source = Path.Combine(unpacked, DataFolder, photo);
                if (!File.Exists(source))
                    throw new InvalidOperationException($"{Path.GetFileName(deb)} has no {DataFolder}/{photo}.");
                File.Copy(source, Path.Combine(target, photo), overwrite: true);
            }

            File.Copy(Path.Combine(unpacked, "usr/share/doc", DebianPackage, "copyright"), Path.Combine(target, "COPYRIGHT"), overwrite: true);
            await File.WriteAllTextAsync(Path.Combine(target, "SOURCE"), $"{Path.GetFileName(deb)}: {DataFolder}\n", cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string program, string[] arguments, string folder, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is needed to fetch photos (a Debian-based machine).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
                Console.Error.WriteLine($"{program} {string.Join(' ', arguments)} ({process.ExitCode}): {(await error).Trim()}");
            await output;
            return process.ExitCode;
        }
    }
}
