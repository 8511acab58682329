using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Livepeer.Pipelines.Tests;

public sealed class ModelManifestTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string ModelFolder => temp.Combine("model");

    private string ManifestPath => Path.Combine(ModelFolder, ModelManifest.FileName);

    private static ModelManifest Valid() => new()
    {
        Id = "acme/upscaler",
        Family = ModelFamilies.OnnxTensor,
        Pipelines = [PipelineNames.Upscale],
        MemoryBytes = 1024,
        Files = ImmutableDictionary<string, string>.Empty.Add("model", "model.onnx"),
    };

    /// <summary>The valid manifest as JSON with <paramref name="field"/> replaced by <paramref name="valueJson"/> (removed when null), model file present.</summary>
    private void WriteManifestWith(string field, string? valueJson)
    {
        temp.WriteFile("model/model.onnx", [1, 2, 3, 4]);
        Valid().Save(ModelFolder);
        var json = JsonNode.Parse(File.ReadAllText(ManifestPath))!.AsObject();
        if (valueJson is null) json.Remove(field);
        else json[field] = JsonNode.Parse(valueJson);
        File.WriteAllText(ManifestPath, json.ToJsonString());
    }

    [Fact]
    public void SaveThenLoad_EveryField_RoundTrips()
    {
        temp.WriteFile("model/model.onnx", [1, 2, 3]);
        temp.WriteFile("model/weights/extra.bin", [4]);
        var saved = new ModelManifest
        {
            Id = "acme/upscaler-x2",
            Family = ModelFamilies.OnnxTensor,
            Pipelines = [PipelineNames.Upscale, PipelineNames.ImageToImage],
            Precision = "fp16",
            MemoryBytes = 5L * 1024 * 1024 * 1024,
            Files = ImmutableDictionary<string, string>.Empty.Add("model", "model.onnx").Add("extra", "weights/extra.bin"),
            Warmup = ImmutableDictionary<string, string>.Empty.Add("shape", "1,3,32,32"),
            Defaults = ImmutableDictionary<string, string>.Empty.Add("scale", "2").Add("strength", "0.5"),
        };

        saved.Save(ModelFolder);
        var loaded = ModelManifest.Load(ModelFolder);

        Assert.Equal(saved.Id, loaded.Id);
        Assert.Equal(saved.Family, loaded.Family);
        Assert.Equal(saved.Pipelines.ToArray(), loaded.Pipelines.ToArray());
        Assert.Equal(saved.Precision, loaded.Precision);
        Assert.Equal(saved.MemoryBytes, loaded.MemoryBytes);
        Assert.Equal(saved.Files.OrderBy(p => p.Key, StringComparer.Ordinal), loaded.Files.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(saved.Warmup.OrderBy(p => p.Key, StringComparer.Ordinal), loaded.Warmup.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(saved.Defaults.OrderBy(p => p.Key, StringComparer.Ordinal), loaded.Defaults.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Save_MissingFolder_CreatesItAndWritesCamelCaseJson()
    {
        Valid().Save(ModelFolder);

        var json = JsonNode.Parse(File.ReadAllText(ManifestPath))!.AsObject();
        Assert.Equal("acme/upscaler", (string?)json["id"]);
        Assert.Equal(1024, (long?)json["memoryBytes"]);
        Assert.Equal("model.onnx", (string?)json["files"]?["model"]);
    }

    [Fact]
    public void Load_DefaultsOmitted_UsesFp32AndEmptyMaps()
    {
        temp.WriteFile("model/model.onnx", [1]);
        File.WriteAllText(ManifestPath, """
            {
              // comments and trailing commas are accepted
              "id": "acme/minimal",
              "family": "onnx-tensor",
              "memoryBytes": 1,
              "files": { "model": "model.onnx", },
            }
            """);

        var manifest = ModelManifest.Load(ModelFolder);

        Assert.Equal("fp32", manifest.Precision);
        Assert.Empty(manifest.Pipelines);
        Assert.Empty(manifest.Warmup);
        Assert.Empty(manifest.Defaults);
        Assert.Equal(Path.Combine(ModelFolder, "model.onnx"), manifest.FilePath(ModelFolder, "model"));
    }

    [Fact]
    public void FilePath_UnknownRole_ThrowsNamingRoleAndModel()
    {
        var error = Assert.Throws<InvalidModelException>(() => Valid().FilePath(ModelFolder, "tokenizer"));

        Assert.Contains("'tokenizer'", error.Message, StringComparison.Ordinal);
        Assert.Contains("acme/upscaler", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoManifestFile_ThrowsNamingManifestPath()
    {
        Directory.CreateDirectory(ModelFolder);

        var error = Assert.Throws<InvalidModelException>(() => ModelManifest.Load(ModelFolder));

        Assert.Contains(ManifestPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"id\": \"acme/upscaler\", ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[1, 2, 3]")]
    public void Load_InvalidJson_ThrowsNamingManifestPath(string text)
    {
        Directory.CreateDirectory(ModelFolder);
        File.WriteAllText(ManifestPath, text);

        var error = Assert.Throws<InvalidModelException>(() => ModelManifest.Load(ModelFolder));

        Assert.Contains(ManifestPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JsonNull_ThrowsNamingManifestPath()
    {
        Directory.CreateDirectory(ModelFolder);
        File.WriteAllText(ManifestPath, "null");

        var error = Assert.Throws<InvalidModelException>(() => ModelManifest.Load(ModelFolder));

        Assert.Contains(ManifestPath, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Required members missing from the JSON: the serializer names them.
    [InlineData("id", null, "'id'")]
    [InlineData("family", null, "'family'")]
    // Present but wrong.
    [InlineData("id", "\"\"", "'id' is required")]
    [InlineData("id", "\"   \"", "'id' is required")]
    [InlineData("id", "null", "'id' is required")]
    [InlineData("family", "\"diffusers\"", "unknown family 'diffusers' (known: onnx-tensor, onnx-upscaler, stable-diffusion, stable-diffusion-xl, stable-video-diffusion)")]
    [InlineData("family", "\"ONNX-TENSOR\"", "unknown family 'ONNX-TENSOR'")]
    [InlineData("precision", "\"fp8\"", "'precision' must be fp32 or fp16, not 'fp8'")]
    [InlineData("precision", "\"FP16\"", "'precision' must be fp32 or fp16, not 'FP16'")]
    [InlineData("memoryBytes", "0", "'memoryBytes' must be positive")]
    [InlineData("memoryBytes", "-1", "'memoryBytes' must be positive")]
    [InlineData("memoryBytes", null, "'memoryBytes' must be positive")]
    [InlineData("memoryBytes", "\"lots\"", "$.memoryBytes")]
    [InlineData("pipelines", "[\"upscale\", \"text-to-3d\"]", "unknown pipeline 'text-to-3d'")]
    [InlineData("pipelines", "[\"Upscale\"]", "unknown pipeline 'Upscale'")]
    [InlineData("pipelines", "\"upscale\"", "$.pipelines")]
    [InlineData("files", "{}", "'files' names no file")]
    [InlineData("files", null, "'files' names no file")]
    public void Load_BadField_ThrowsNamingManifestAndField(string field, string? valueJson, string expected)
    {
        WriteManifestWith(field, valueJson);

        var error = Assert.Throws<InvalidModelException>(() => ModelManifest.Load(ModelFolder));

        Assert.Contains(ManifestPath, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x.onnx")]
    [InlineData("../../x.onnx")]
    [InlineData("sub/../../x.onnx")]
    [InlineData("/etc/hostname")]
    public void Load_FileOutsideFolder_ThrowsNamingFile(string relative)
    {
        // The target exists, so only the containment check can reject it.
        temp.WriteFile("x.onnx", [1]);
        WriteManifestWith("files", $$"""{ "model": "{{relative}}" }""");

        var error = Assert.Throws<InvalidModelException>(() => ModelManifest.Load(ModelFolder));

        Assert.Contains(ManifestPath, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{relative}' (model) is outside the model folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileInSiblingFolderWithSamePrefix_ThrowsOutsideFolder()
    {
        temp.WriteFile("model-evil/x.onnx", [1]);
        WriteManifestWith("files", """{ "model": "../model-evil/x.onnx" }""");

        var error = Assert.Throws<InvalidModelException>(() => ModelManifest.Load(ModelFolder));

        Assert.Contains("is outside the model folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileInSubfolder_IsAccepted()
    {
        temp.WriteFile("model/onnx/model.onnx", [1]);
        WriteManifestWith("files", """{ "model": "onnx/model.onnx" }""");

        var manifest = ModelManifest.Load(ModelFolder);

        Assert.Equal(Path.Combine(ModelFolder, "onnx", "model.onnx"), manifest.FilePath(ModelFolder, "model"));
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingFileRoleAndManifest()
    {
        WriteManifestWith("files", """{ "model": "model.onnx", "vae": "vae.onnx" }""");

        var error = Assert.Throws<InvalidModelException>(() => ModelManifest.Load(ModelFolder));

        Assert.Contains($"'{Path.Combine(ModelFolder, "vae.onnx")}' (vae)", error.Message, StringComparison.Ordinal);
        Assert.Contains(ManifestPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileIsAFolder_ThrowsNamingFile()
    {
        Directory.CreateDirectory(temp.Combine("model", "weights"));
        WriteManifestWith("files", """{ "model": "weights" }""");

        var error = Assert.Throws<InvalidModelException>(() => ModelManifest.Load(ModelFolder));

        Assert.Contains(Path.Combine(ModelFolder, "weights"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFile_ThrowsNamingFile()
    {
        WriteManifestWith("files", """{ "model": "model.onnx", "weights": "weights.bin" }""");
        temp.WriteFile("model/weights.bin", []);

        var error = Assert.Throws<InvalidModelException>(() => ModelManifest.Load(ModelFolder));

        Assert.Contains($"'{Path.Combine(ModelFolder, "weights.bin")}' (weights) is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("files", "null")]
    [InlineData("files", "{ \"model\": null }")]
    public void Load_NullFiles_ThrowsNamingField(string field, string valueJson)
    {
        WriteManifestWith(field, valueJson);

        var error = Assert.Throws<InvalidModelException>(() => ModelManifest.Load(ModelFolder));

        Assert.Contains("'files'", error.Message, StringComparison.Ordinal);
    }
}
