using Livepeer.ModelBuilder;
using Livepeer.ModelBuilder.Tfjs;

namespace Livepeer.ModelTool.Fetch;

/// <summary>
/// The UpscalerJS ESRGAN packages (slim, medium, thick; MIT) from npm: the files the conversion and the golden tests
/// need are kept under <c>esrgan/esrgan-{size}-{version}/</c> in the package's own layout, and each ×4 model is
/// converted into the model folders <c>esrgan/esrgan-{size}-x4/</c> (float32) and <c>esrgan/esrgan-{size}-x4-fp16/</c>.
/// </summary>
internal sealed class EsrganFetcher : IAssetFetcher
{
    private const string Complete = ".complete";

    public string Name => "esrgan";

    public string Description => $"@upscalerjs/esrgan-{{{string.Join(",", EsrganModels.Sizes)}}}@{EsrganModels.PackageVersion} (npm, MIT) and their x4 models converted to ONNX";

    /// <summary>The kept subset of a package, relative to its root; the definition files are found by name.</summary>
    private static string[] KeptFiles(string size) =>
    [
        "package.json",
        "LICENSE",
        "assets/fixture.png",
        "assets/samples/4x/result.png",
        $"dist/esm/models/esrgan-{size}/src/getModelDefinition.js",
        "dist/esm/packages/shared/src/esrgan/esrgan.js",
    ];

    /// <summary>The unpacked package subset of <paramref name="size"/> under <paramref name="assetsRoot"/>.</summary>
    public static string PackageFolder(string assetsRoot, string size) =>
        Path.Combine(assetsRoot, "esrgan", $"esrgan-{size}-{EsrganModels.PackageVersion}");

    public async Task FetchAsync(string assetsRoot, CancellationToken cancellationToken)
    {
        foreach (var size in EsrganModels.Sizes)
        {
            var package = await EnsurePackageAsync(assetsRoot, size, cancellationToken);
            // Converting takes about a second, so the cached models always come from the current converter.
            foreach (var precision in new[] { ConversionPrecision.Float32, ConversionPrecision.Float16 })
            {
                var folder = Path.Combine(assetsRoot, "esrgan", EsrganModels.FolderName(size, precision));
                EsrganModels.WriteX4(package, folder, size, precision);
                Console.WriteLine($"  {EsrganModels.ModelId(size, precision)} → {folder}");
            }
        }
    }

    /// <summary>Downloads and keeps the package subset unless a complete copy is already there; returns its folder.</summary>
    public static async Task<string> EnsurePackageAsync(string assetsRoot, string size, CancellationToken cancellationToken)
    {
        var target = PackageFolder(assetsRoot, size);
        if (File.Exists(Path.Combine(target, Complete)))
            return target;

        var unpacked = Directory.CreateTempSubdirectory("livepeer-esrgan-").FullName;
        try
        {
            var root = await NpmPackages.UnpackAsync(EsrganModels.PackageName(size), EsrganModels.PackageVersion, unpacked, cancellationToken);
            var staging = target + ".partial";
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
            foreach (var relative in KeptFiles(size).Concat(ModelFiles(root)))
            {
                var source = Path.Combine(root, relative);
                if (!File.Exists(source))
                    throw new InvalidOperationException($"{EsrganModels.PackageName(size)}@{EsrganModels.PackageVersion} has no '{relative}'.");
                var destination = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(source, destination);
            }

            await File.WriteAllTextAsync(Path.Combine(staging, Complete), $"{EsrganModels.PackageName(size)}@{EsrganModels.PackageVersion}\n", cancellationToken);
            if (Directory.Exists(target))
                Directory.Delete(target, recursive: true);
            Directory.Move(staging, target);
            return target;
        }
        finally
        {
            Directory.Delete(unpacked, recursive: true);
        }
    }

    // The x4 model.json and every shard next to it.
    private static IEnumerable<string> ModelFiles(string root)
    {
        var folder = Path.Combine(root, "models", "x4");
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"The package at '{root}' has no models/x4 folder.");
        return Directory.EnumerateFiles(folder).Select(file => Path.GetRelativePath(root, file)).Order(StringComparer.Ordinal);
    }
}
