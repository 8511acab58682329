using Livepeer.Media;
using Livepeer.ModelBuilder;
using Livepeer.ModelBuilder.Tfjs;
using Livepeer.Testing;

namespace Livepeer.Pipelines.Tests.Upscale;

/// <summary>The ESRGAN models (committed slim, fetched ones) and the package files the tests compare against.</summary>
internal static class EsrganAssets
{
    public const string Fetcher = "esrgan";

    /// <summary>The committed model folder, <c>models/upscalerjs/esrgan-slim-x4</c>.</summary>
    public static string CommittedFolder { get; } =
        Path.Combine([RepositoryRoot.Path, "models", .. EsrganModels.ModelId(EsrganModels.BundledSize).Split('/')]);

    /// <summary>The package subset the fetcher keeps (model.json and shards, LICENSE, fixture and results).</summary>
    public static string Package(string size) =>
        TestAssets.Require($"esrgan/esrgan-{size}-{EsrganModels.PackageVersion}", Fetcher);

    /// <summary>A model folder the fetcher converted.</summary>
    public static string CachedFolder(string size, ConversionPrecision precision = ConversionPrecision.Float32) =>
        TestAssets.Require($"esrgan/{EsrganModels.FolderName(size, precision)}", Fetcher);

    /// <summary>The package's 128×128 input image.</summary>
    public static byte[] Fixture(string size) => File.ReadAllBytes(Path.Combine(Package(size), "assets", "fixture.png"));

    /// <summary>UpscalerJS's own ×4 output for the fixture, shipped in the package.</summary>
    public static RgbImage Result(string size) =>
        ImageCodec.Decode(File.ReadAllBytes(Path.Combine(Package(size), "assets", "samples", "4x", "result.png")), ImageLimits.Default);

    /// <summary>Loads the model folder on the CPU through the model loader and warms it up, as a worker does.</summary>
    public static ILoadedModel Load(string folder)
    {
        var installed = new InstalledModel(folder, ModelManifest.Load(folder));
        var model = new OnnxModelLoader().Load(installed, new ComputeDevice(DeviceKind.Cpu, 0, 2), CancellationToken.None);
        model.WarmUp(CancellationToken.None);
        return model;
    }

    /// <summary>One run of the upscale pipeline on encoded image bytes; the PNG it returns, decoded.</summary>
    public static RgbImage Upscale(ILoadedModel model, byte[] image)
    {
        var output = model.Run(new PipelineInput(new Dictionary<string, string>(), image), CancellationToken.None);
        Assert.Equal("image/png", output.ContentType);
        return ImageCodec.Decode(output.Data, ImageLimits.Default);
    }
}
