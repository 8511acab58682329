using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Livepeer.Pipelines;

/// <summary>The <c>manifest.json</c> of a model folder: what the model is and how much a device must reserve for it.</summary>
public sealed record ModelManifest
{
    /// <summary>The manifest file name inside a model folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Model id, e.g. <c>livepeer/tiny-upscaler-x2</c>.</summary>
    public required string Id { get; init; }

    /// <summary>How the files are run (see <see cref="ModelFamilies"/>).</summary>
    public required string Family { get; init; }

    /// <summary>Pipelines the model can serve.</summary>
    public ImmutableArray<string> Pipelines { get; init; } = [];

    /// <summary><c>fp32</c> (default) or <c>fp16</c>.</summary>
    public string Precision { get; init; } = "fp32";

    /// <summary>Pixel range of image models: <c>unit</c> (0..1, default) or <c>byte</c> (0..255).</summary>
    public string PixelRange { get; init; } = PixelRanges.Unit;

    /// <summary>Device memory to reserve while the model is resident, in bytes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>Files by role (e.g. <c>model</c>), relative to the folder.</summary>
    public ImmutableDictionary<string, string> Files { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Parameters used for the warm-up inference (e.g. <c>shape</c>).</summary>
    public ImmutableDictionary<string, string> Warmup { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Pipeline defaults for this model, as invariant-culture strings.</summary>
    public ImmutableDictionary<string, string> Defaults { get; init; } = ImmutableDictionary<string, string>.Empty;

    internal static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new SortedStringMapConverter() },
    };

    /// <summary>Writes the manifest into <paramref name="folder"/>.</summary>
    public void Save(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, JsonOptions));
    }

    /// <summary>Reads and checks the manifest of <paramref name="folder"/>, including that every file it names exists.</summary>
    /// <exception cref="InvalidModelException">The manifest or a file is missing or wrong; the message names it.</exception>
    public static ModelManifest Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            throw new InvalidModelException($"Model manifest '{path}' does not exist.");

        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidModelException($"Model manifest '{path}' is not valid JSON: {e.Message}", e);
        }

        if (manifest is null)
            throw new InvalidModelException($"Model manifest '{path}' is empty.");
        manifest.Check(path, folder);
        return manifest;
    }

    private void Check(string path, string folder)
    {
        if (string.IsNullOrWhiteSpace(Id))
            throw new InvalidModelException($"Model manifest '{path}': 'id' is required.");
        if (!ModelFamilies.All.Contains(Family))
            throw new InvalidModelException($"Model manifest '{path}': unknown family '{Family}' (known: {string.Join(", ", ModelFamilies.All)}).");
        if (Precision is not ("fp32" or "fp16"))
            throw new InvalidModelException($"Model manifest '{path}': 'precision' must be fp32 or fp16, not '{Precision}'.");
        if (PixelRange is not (PixelRanges.Unit or PixelRanges.Byte))
            throw new InvalidModelException($"Model manifest '{path}': 'pixelRange' must be {PixelRanges.Unit} or {PixelRanges.Byte}, not '{PixelRange}'.");
        if (MemoryBytes <= 0)
            throw new InvalidModelException($"Model manifest '{path}': 'memoryBytes' must be positive.");
        foreach (var pipeline in Pipelines)
        {
            if (!PipelineNames.IsKnown(pipeline))
                throw new InvalidModelException($"Model manifest '{path}': unknown pipeline '{pipeline}'.");
        }

        if (Warmup is null || Defaults is null)
            throw new InvalidModelException($"Model manifest '{path}': 'warmup' and 'defaults' must be objects when present.");
        if (Files is null || Files.IsEmpty)
            throw new InvalidModelException($"Model manifest '{path}': 'files' names no file.");
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        foreach (var (role, relative) in Files)
        {
            if (string.IsNullOrWhiteSpace(relative))
                throw new InvalidModelException($"Model manifest '{path}': 'files' entry '{role}' names no file.");
            var file = Path.GetFullPath(Path.Combine(folder, relative));
            if (!file.StartsWith(root, StringComparison.Ordinal))
                throw new InvalidModelException($"Model manifest '{path}': file '{relative}' ({role}) is outside the model folder.");
            if (!File.Exists(file))
                throw new InvalidModelException($"Model file '{file}' ({role}) named by '{path}' does not exist.");
            if (new FileInfo(file).Length == 0)
                throw new InvalidModelException($"Model file '{file}' ({role}) is empty.");
        }
    }

    /// <summary>The absolute path of the file with <paramref name="role"/>.</summary>
    public string FilePath(string folder, string role) =>
        Files.TryGetValue(role, out var relative)
            ? Path.GetFullPath(Path.Combine(folder, relative))
            : throw new InvalidModelException($"Model '{Id}' has no '{role}' file in its manifest.");

    /// <summary>
    /// Writes string maps with their keys in ordinal order: an immutable dictionary enumerates in hash order, which
    /// changes from process to process, and a manifest written twice should be the same file.
    /// </summary>
    private sealed class SortedStringMapConverter : JsonConverter<ImmutableDictionary<string, string>>
    {
        public override ImmutableDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader)?.ToImmutableDictionary(StringComparer.Ordinal)
            ?? throw new JsonException("A map of strings is expected, not null.");

        public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, string> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (key, text) in value.OrderBy(p => p.Key, StringComparer.Ordinal))
                writer.WriteString(key, text);
            writer.WriteEndObject();
        }
    }
}
