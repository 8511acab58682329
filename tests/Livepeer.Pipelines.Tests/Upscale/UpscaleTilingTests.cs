using System.Collections.Immutable;
using Livepeer.Media;
using Livepeer.ModelBuilder;

namespace Livepeer.Pipelines.Tests.Upscale;

/// <summary>
/// Tiled upscaling on real ONNX Runtime sessions. The tiny upscaler resizes (nearest) and then runs 3x3 convolutions,
/// so with L hidden layers an output pixel depends on input pixels at most ceil((L + 2) / scale) away: padding at least
/// that wide must give exactly the untiled image.
/// </summary>
public sealed class UpscaleTilingTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Upscale_TilesWithEnoughPadding_MatchTheWholeImageExactly()
    {
        var spec = new TinyUpscalerSpec { Scale = 2, HiddenChannels = 4, HiddenLayers = 1 };
        using var whole = Load(spec, tileSize: 4096, padding: 0);
        using var tiled = Load(spec, tileSize: 16, padding: 4);
        var image = Images.Random(50, 37, seed: 3);

        var expected = whole.Upscale(image, CancellationToken.None);
        var actual = tiled.Upscale(image, CancellationToken.None);

        Assert.Equal((100, 74), (actual.Width, actual.Height));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Upscale_TilesWithoutPadding_AreRunSeparately()
    {
        // Without context the convolutions at each tile's edge read the tile's zero padding, so seams appear: this
        // proves the image really went through the model tile by tile (and why the default padding is not zero).
        var spec = new TinyUpscalerSpec { Scale = 2, HiddenChannels = 4, HiddenLayers = 3 };
        using var whole = Load(spec, tileSize: 4096, padding: 0);
        using var tiled = Load(spec, tileSize: 8, padding: 0);
        var image = Images.Random(24, 24, seed: 4);

        Assert.NotEqual(whole.Upscale(image, CancellationToken.None), tiled.Upscale(image, CancellationToken.None));
    }

    [Fact]
    public void Upscale_ModelWithAFixedInputSize_RunsFullTilesPaddedAtTheEdges()
    {
        using var model = LoadFixedSizeResize(fixedSize: 24, padding: 4);
        var image = Images.Random(50, 30, seed: 5);

        var upscaled = model.Upscale(image, CancellationToken.None);

        Assert.Equal((100, 60), (upscaled.Width, upscaled.Height));
        Assert.Equal(0, Images.MaxDifferenceFromNearest(image, upscaled, 2));
    }

    [Fact]
    public void Load_FixedInputTooSmallForThePadding_NamesTheSetting()
    {
        var error = Assert.Throws<InvalidModelException>(() => LoadFixedSizeResize(fixedSize: 24, padding: 12));

        Assert.Contains("tile_padding", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tile_size", "0")]
    [InlineData("tile_size", "big")]
    [InlineData("tile_padding", "-1")]
    [InlineData("scale", "99")]
    public void Load_BadTilingDefaults_NameTheKey(string key, string value)
    {
        var error = Assert.Throws<InvalidModelException>(() => Load(new TinyUpscalerSpec { HiddenChannels = 4, HiddenLayers = 0 }, new Dictionary<string, string> { [key] = value }));

        Assert.Contains($"defaults.{key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Upscale_ResultOverTheOutputLimit_IsTheCallersError()
    {
        using var model = Load(new TinyUpscalerSpec { Scale = 4, HiddenChannels = 3, HiddenLayers = 0 }, new Dictionary<string, string> { ["scale"] = "4" });
        var image = new RgbImage(1025, 1024, new byte[1025 * 1024 * 3]);

        var error = Assert.Throws<InvalidPipelineInputException>(() => model.Upscale(image, CancellationToken.None));

        Assert.Contains("4100x4096", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Upscale_WrongDeclaredScale_IsTheModelsError()
    {
        using var model = Load(new TinyUpscalerSpec { Scale = 2, HiddenChannels = 3, HiddenLayers = 0 }, new Dictionary<string, string> { ["scale"] = "4" });

        Assert.Throws<InvalidModelException>(() => model.Upscale(Images.Random(8, 8, seed: 1), CancellationToken.None));
    }

    [Fact]
    public void Upscale_Cancelled_StopsBeforeTheNextTile()
    {
        using var model = Load(new TinyUpscalerSpec { Scale = 2, HiddenChannels = 4, HiddenLayers = 0 }, tileSize: 8, padding: 2);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => model.Upscale(Images.Random(32, 32, seed: 1), cancellation.Token));
    }

    private UpscalePipeline Load(TinyUpscalerSpec spec, int tileSize, int padding) =>
        Load(spec, new Dictionary<string, string> { ["tile_size"] = $"{tileSize}", ["tile_padding"] = $"{padding}" });

    private UpscalePipeline Load(TinyUpscalerSpec spec, Dictionary<string, string> defaults)
    {
        var path = ModelFolders.WriteTinyUpscaler(folder.Root, $"test/upscaler-{Guid.NewGuid():N}", spec, 64L * 1024 * 1024, ModelFamilies.OnnxUpscaler);
        return LoadFolder(path, defaults);
    }

    private UpscalePipeline LoadFixedSizeResize(int fixedSize, int padding)
    {
        var path = folder.Combine($"fixed-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        new OnnxGraphBuilder("fixed_resize")
            .AddInput("image", OnnxElementType.Float, OnnxDim.Fixed(1), OnnxDim.Fixed(3), OnnxDim.Fixed(fixedSize), OnnxDim.Fixed(fixedSize))
            .AddOutput("upscaled", OnnxElementType.Float, OnnxDim.Fixed(1), OnnxDim.Fixed(3), OnnxDim.Fixed(2 * fixedSize), OnnxDim.Fixed(2 * fixedSize))
            .AddInitializer("scales", [1f, 1f, 2f, 2f], 4)
            .AddNode("Resize", ["image", string.Empty, "scales"], ["upscaled"], OnnxAttribute.String("mode", "nearest"))
            .Save(Path.Combine(path, "model.onnx"));
        new ModelManifest
        {
            Id = "test/fixed",
            Family = ModelFamilies.OnnxUpscaler,
            Pipelines = ["upscale"],
            MemoryBytes = 1 << 20,
            Files = new Dictionary<string, string> { ["model"] = "model.onnx" }.ToImmutableDictionary(),
        }.Save(path);
        return LoadFolder(path, new Dictionary<string, string> { ["tile_padding"] = $"{padding}" });
    }

    private static UpscalePipeline LoadFolder(string path, Dictionary<string, string> defaults)
    {
        var manifest = ModelManifest.Load(path) with { Defaults = defaults.ToImmutableDictionary() };
        manifest.Save(path);
        var model = new OnnxModelLoader().Load(new InstalledModel(path, manifest), new ComputeDevice(DeviceKind.Cpu, 0, 1), CancellationToken.None);
        return Assert.IsType<UpscalePipeline>(model);
    }
}
