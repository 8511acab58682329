using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Livepeer.ModelBuilder.Tfjs;
using Livepeer.Pipelines;

namespace Livepeer.ModelBuilder;

/// <summary>
/// Model folders converted from the UpscalerJS ESRGAN packages (<c>@upscalerjs/esrgan-slim</c>, <c>-medium</c>,
/// <c>-thick</c>, MIT): their ×4 tfjs layers-model as ONNX, with a manifest and the package's licence.
/// </summary>
public static partial class EsrganModels
{
    /// <summary>The package version every fetch and conversion uses.</summary>
    public const string PackageVersion = "1.0.0";

    /// <summary>Input side, in pixels, of the square tile the declared memory covers (activations grow with the pixel count).</summary>
    public const int MemoryTileSize = 256;

    // ONNX Runtime's own arenas, thread pools and conv workspaces, on top of weights and activations.
    private const long RuntimeOverheadBytes = 64L * 1024 * 1024;

    /// <summary>The package sizes: <c>slim</c>, <c>medium</c> and <c>thick</c>.</summary>
    public static IReadOnlyList<string> Sizes { get; } = ["slim", "medium", "thick"];

    /// <summary>The model committed under the repository's <c>models/</c>: small enough to ship, with an exact golden image.</summary>
    public static string BundledSize => "slim";

    /// <summary>The npm package of a size, e.g. <c>@upscalerjs/esrgan-slim</c>.</summary>
    public static string PackageName(string size) => $"@upscalerjs/esrgan-{CheckSize(size)}";

    /// <summary>The model id of a size's ×4 model, e.g. <c>upscalerjs/esrgan-slim-x4</c>: <c>upscalerjs/</c> and <see cref="FolderName"/>.</summary>
    public static string ModelId(string size, ConversionPrecision precision = ConversionPrecision.Float32) => $"upscalerjs/{FolderName(size, precision)}";

    /// <summary>The model folder's name, e.g. <c>esrgan-slim-x4</c> (<c>-fp16</c> appended for half precision).</summary>
    public static string FolderName(string size, ConversionPrecision precision = ConversionPrecision.Float32) =>
        $"esrgan-{CheckSize(size)}-x4{(precision == ConversionPrecision.Float16 ? "-fp16" : string.Empty)}";

    /// <summary>
    /// Converts the ×4 model of an unpacked package (<c>models/x4/model.json</c> and shards, <c>LICENSE</c>, and the
    /// <c>dist/**/getModelDefinition.js</c> naming its architecture) into a model folder: <c>model.onnx</c>,
    /// <c>manifest.json</c> (id <see cref="ModelId"/>) and <c>LICENSE</c>.
    /// </summary>
    /// <param name="packageRoot">The package folder (npm's <c>package/</c>), or a copy holding at least those files.</param>
    /// <param name="folder">The model folder to write, e.g. <c>models/upscalerjs/esrgan-slim-x4</c>; created when missing.</param>
    /// <param name="size">Which package it is, for the model id.</param>
    /// <param name="precision">Weight precision; the model's input and output are float32 either way.</param>
    /// <exception cref="InvalidDataException">A file is missing, or the architecture is not one whose pixel range is known.</exception>
    public static void WriteX4(string packageRoot, string folder, string size, ConversionPrecision precision = ConversionPrecision.Float32)
    {
        ArgumentException.ThrowIfNullOrEmpty(packageRoot);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var modelId = ModelId(size, precision);
        var pixelRange = PixelRangeOf(Architecture(packageRoot));
        var license = Path.Combine(packageRoot, "LICENSE");
        if (!File.Exists(license))
            throw new InvalidDataException($"'{license}' does not exist; the model folder must carry the package's licence.");

        var options = new TfjsConversionOptions
        {
            Precision = precision,
            OutputMin = 0f,
            OutputMax = pixelRange == PixelRanges.Byte ? 255f : 1f,
        };
        var conversion = TfjsConverter.Convert(Path.Combine(packageRoot, "models", "x4", "model.json"), options);
        if (conversion.Scale != 4)
            throw new InvalidDataException($"The x4 model of '{packageRoot}' scales by {conversion.Scale}, not 4.");

        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), conversion.Model);
        File.Copy(license, Path.Combine(folder, "LICENSE"), overwrite: true);
        new ModelManifest
        {
            Id = modelId,
            Family = ModelFamilies.OnnxUpscaler,
            Pipelines = [PipelineNames.Upscale],
            Precision = precision == ConversionPrecision.Float16 ? "fp16" : "fp32",
            PixelRange = pixelRange,
            MemoryBytes = MemoryBytes(conversion),
            // One entry each: ImmutableDictionary enumerates in hash order, which would reorder a rewritten manifest.
            Files = ImmutableDictionary<string, string>.Empty.Add("model", "model.onnx"),
            Warmup = ImmutableDictionary<string, string>.Empty.Add("shape", "1,3,32,32"),
        }.Save(folder);
    }

    /// <summary>Weights, activations of a <see cref="MemoryTileSize"/>² input at their peak, and the runtime's overhead, rounded up to MiB.</summary>
    internal static long MemoryBytes(TfjsConversion conversion)
    {
        var activations = conversion.PeakActivationsPerPixel * MemoryTileSize * MemoryTileSize * conversion.ElementBytes;
        var total = conversion.WeightBytes + (long)Math.Ceiling(activations) + RuntimeOverheadBytes;
        const long MiB = 1024 * 1024;
        return (total + MiB - 1) / MiB * MiB;
    }

    /// <summary>
    /// UpscalerJS's ESRGAN definition (<c>packages/shared/src/esrgan/esrgan.js</c>) feeds "rdn" models 0..255 and
    /// every other architecture ("rrdn") 0..1.
    /// </summary>
    internal static string PixelRangeOf(string architecture) => architecture switch
    {
        "rdn" => PixelRanges.Byte,
        "rrdn" => PixelRanges.Unit,
        _ => throw new InvalidDataException($"ESRGAN architecture '{architecture}' has no known pixel range (rdn: 0..255, rrdn: 0..1)."),
    };

    /// <summary>The <c>architecture</c> the package's model definitions name; every copy must agree.</summary>
    internal static string Architecture(string packageRoot)
    {
        var dist = Path.Combine(packageRoot, "dist");
        var found = Directory.Exists(dist)
            ? Directory.EnumerateFiles(dist, "getModelDefinition.js", SearchOption.AllDirectories)
                .SelectMany(file => ArchitectureField().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
                .Distinct(StringComparer.Ordinal)
                .ToList()
            : [];
        return found.Count == 1
            ? found[0]
            : throw new InvalidDataException($"The model definitions under '{dist}' name {(found.Count == 0 ? "no architecture" : $"architectures {string.Join(", ", found)}")}; exactly one was expected.");
    }

    private static string CheckSize(string size) =>
        Sizes.Contains(size) ? size : throw new ArgumentOutOfRangeException(nameof(size), size, $"Known sizes: {string.Join(", ", Sizes)}.");

    [GeneratedRegex("""architecture:\s*["']([A-Za-z0-9_-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex ArchitectureField();
}
