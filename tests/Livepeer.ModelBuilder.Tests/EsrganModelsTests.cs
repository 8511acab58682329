using System.Text.Json.Nodes;
using Livepeer.ModelBuilder.Tests.Tfjs;
using Livepeer.ModelBuilder.Tfjs;
using Livepeer.Pipelines;

namespace Livepeer.ModelBuilder.Tests;

/// <summary>Model folders written from a package laid out like the UpscalerJS ones, with a small hand-built ×4 model.</summary>
public sealed class EsrganModelsTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("livepeer-esrgan-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    // A package with a ×4 model (conv to 48 channels, pixel shuffle ×4) and the files WriteX4 reads.
    private string Package(string architecture, int scale = 4)
    {
        var package = Path.Combine(root, "package");
        var channels = 3 * scale * scale;
        new TfjsModelFile(3)
            .Conv2D("PreShuffle", "LR", Nhwc.RandomWeights(3 * 3 * 3 * channels, 1, 1f), Nhwc.RandomWeights(channels, 2, 1f), 3, 3)
            .Layer($"PixelShuffle{scale}x", "pixel_shuffle", new JsonObject { ["scale"] = scale }, "PreShuffle")
            .Save(Path.Combine(package, "models", "x4"));
        File.WriteAllText(Path.Combine(package, "LICENSE"), "MIT License\n");
        foreach (var flavour in new[] { "esm", "cjs" })
        {
            var definition = Path.Combine(package, "dist", flavour, "models", "esrgan-test", "src", "getModelDefinition.js");
            Directory.CreateDirectory(Path.GetDirectoryName(definition)!);
            File.WriteAllText(definition, $"const meta = {{\n    C: 4,\n    architecture: \"{architecture}\",\n    size: 'test',\n}};\n");
        }

        return package;
    }

    [Theory]
    [InlineData("rdn", PixelRanges.Byte, 255f)]
    [InlineData("rrdn", PixelRanges.Unit, 1f)]
    public void WriteX4_Architecture_ManifestRangeAndOutputClip(string architecture, string range, float max)
    {
        var folder = Path.Combine(root, "models", "esrgan-thick-x4");

        EsrganModels.WriteX4(Package(architecture), folder, "thick");

        var manifest = ModelManifest.Load(folder);
        Assert.Equal("upscalerjs/esrgan-thick-x4", manifest.Id);
        Assert.Equal(ModelFamilies.OnnxUpscaler, manifest.Family);
        Assert.Equal([PipelineNames.Upscale], manifest.Pipelines.ToArray());
        Assert.Equal(range, manifest.PixelRange);
        Assert.Equal("fp32", manifest.Precision);
        Assert.Equal("1,3,32,32", manifest.Warmup["shape"]);
        Assert.Equal("MIT License\n", File.ReadAllText(Path.Combine(folder, "LICENSE")));
        var input = Nhwc.Random(3, 2, 3, seed: 5, low: -200f, high: 200f);
        var (output, shape) = OrtRunner.Run(File.ReadAllBytes(manifest.FilePath(folder, "model")), "input", input.ToNchw(), input.NchwShape);
        Assert.Equal([1L, 3L, 12L, 8L], shape);
        Assert.Equal(0f, output.Min());
        Assert.Equal(max, output.Max());
    }

    [Fact]
    public void WriteX4_Float16_HalfPrecisionManifestAndSmallerModel()
    {
        var package = Package("rrdn");
        var single = Path.Combine(root, "models", "single");
        var half = Path.Combine(root, "models", "half");

        EsrganModels.WriteX4(package, single, "slim");
        EsrganModels.WriteX4(package, half, "slim", ConversionPrecision.Float16);

        var manifest = ModelManifest.Load(half);
        Assert.Equal("upscalerjs/esrgan-slim-x4-fp16", manifest.Id);
        Assert.Equal("fp16", manifest.Precision);
        Assert.True(new FileInfo(Path.Combine(half, "model.onnx")).Length < new FileInfo(Path.Combine(single, "model.onnx")).Length * 0.6);
        Assert.True(manifest.MemoryBytes < ModelManifest.Load(single).MemoryBytes);
    }

    [Fact]
    public void WriteX4_ModelScalesBy2_IsRejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => EsrganModels.WriteX4(Package("rrdn", scale: 2), Path.Combine(root, "out"), "slim"));

        Assert.Contains("scales by 2, not 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteX4_UnknownArchitecture_IsRejected()
    {
        var error = Assert.Throws<InvalidDataException>(() => EsrganModels.WriteX4(Package("swinir"), Path.Combine(root, "out"), "slim"));

        Assert.Contains("'swinir'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteX4_NoLicense_IsRejected()
    {
        var package = Package("rdn");
        File.Delete(Path.Combine(package, "LICENSE"));

        Assert.Throws<InvalidDataException>(() => EsrganModels.WriteX4(package, Path.Combine(root, "out"), "slim"));
    }

    [Fact]
    public void Architecture_DefinitionsDisagree_IsRejected()
    {
        var package = Package("rdn");
        File.WriteAllText(Path.Combine(package, "dist", "cjs", "models", "esrgan-test", "src", "getModelDefinition.js"), "architecture: 'rrdn'");

        var error = Assert.Throws<InvalidDataException>(() => EsrganModels.Architecture(package));

        Assert.Contains("rdn, rrdn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MemoryBytes_WeightsPlusTileActivationsPlusOverhead_RoundedToMiB()
    {
        // 1,000,000 fp32 weights, 100 values per pixel over a 256² tile, 64 MiB overhead.
        var conversion = new TfjsConversion([], "input", "output", 4, 1_000_000, ConversionPrecision.Float32, 100);

        var expected = 4_000_000 + (100L * 256 * 256 * 4) + (64L << 20);
        Assert.Equal((expected + (1 << 20) - 1) >> 20 << 20, EsrganModels.MemoryBytes(conversion));
    }

    [Fact]
    public void ModelId_UnknownSize_Throws()
    {
        Assert.Equal("upscalerjs/esrgan-medium-x4", EsrganModels.ModelId("medium"));
        Assert.Equal("@upscalerjs/esrgan-thick", EsrganModels.PackageName("thick"));
        Assert.Throws<ArgumentOutOfRangeException>(() => EsrganModels.ModelId("huge"));
    }
}
