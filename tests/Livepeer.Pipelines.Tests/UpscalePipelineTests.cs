using Livepeer.Media;
using Livepeer.ModelBuilder;

namespace Livepeer.Pipelines.Tests;

/// <summary>The image upscaler family: an image of any supported format in, a PNG out, on a real ONNX Runtime session.</summary>
public sealed class UpscalePipelineTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(PixelRanges.Unit)]
    [InlineData(PixelRanges.Byte)]
    public void Run_JpegOrPng_ReturnsUpscaledPngPricedByInputPixels(string pixelRange)
    {
        using var model = Load(new TinyUpscalerSpec { Scale = 2, HiddenChannels = 4, HiddenLayers = 0 }, pixelRange);
        var image = Images.Random(12, 10, seed: 1);

        var output = model.Run(new PipelineInput(new Dictionary<string, string>(), ImageCodec.EncodePng(image)), CancellationToken.None);

        var upscaled = ImageCodec.Decode(output.Data, ImageLimits.Default);
        Assert.Equal((24, 20), (upscaled.Width, upscaled.Height));
        Assert.Equal(120, output.Units);
        Assert.Equal("24", output.Metadata["width"]);
        Assert.False(output.Artifacts[0].Nsfw);

        // A 0..255 model sees 255× larger values, so the builder's pass-through noise grows with them; only the shape is checked then.
        if (pixelRange == PixelRanges.Unit)
            Assert.InRange(Images.MaxDifferenceFromNearest(image, upscaled, 2), 0, 3);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4 })]
    [InlineData(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0 })]
    public void Run_NotAnImage_IsTheCallersError(byte[] data)
    {
        using var model = Load(new TinyUpscalerSpec { HiddenChannels = 4, HiddenLayers = 0 }, PixelRanges.Unit);

        Assert.Throws<InvalidPipelineInputException>(() => model.Run(new PipelineInput(new Dictionary<string, string>(), data), CancellationToken.None));
    }

    [Fact]
    public void Run_ZeroSizeImage_IsTheCallersError()
    {
        using var model = Load(new TinyUpscalerSpec { HiddenChannels = 4, HiddenLayers = 0 }, PixelRanges.Unit);

        Assert.Throws<InvalidPipelineInputException>(() => model.Run(new PipelineInput(new Dictionary<string, string>(), Livepeer.Testing.TestMedia.PngBomb(size: 0)), CancellationToken.None));
    }

    [Fact]
    public void Run_ImageOverThePixelLimit_IsTheCallersError()
    {
        using var model = Load(new TinyUpscalerSpec { HiddenChannels = 4, HiddenLayers = 0 }, PixelRanges.Unit);
        var huge = ImageCodec.EncodePng(new RgbImage(2049, 2048, new byte[2049 * 2048 * 3]));

        var error = Assert.Throws<InvalidPipelineInputException>(() => model.Run(new PipelineInput(new Dictionary<string, string>(), huge), CancellationToken.None));

        Assert.Contains("pixels", error.Message, StringComparison.Ordinal);
    }

    private ILoadedModel Load(TinyUpscalerSpec spec, string pixelRange)
    {
        var path = ModelFolders.WriteTinyUpscaler(folder.Root, $"test/upscaler-{Guid.NewGuid():N}", spec, 64L * 1024 * 1024, ModelFamilies.OnnxUpscaler);
        if (pixelRange != PixelRanges.Unit)
            (ModelManifest.Load(path) with { PixelRange = pixelRange }).Save(path);
        var installed = new InstalledModel(path, ModelManifest.Load(path));
        var model = new OnnxModelLoader().Load(installed, new ComputeDevice(DeviceKind.Cpu, 0, 1), CancellationToken.None);
        model.WarmUp(CancellationToken.None);
        return model;
    }
}
