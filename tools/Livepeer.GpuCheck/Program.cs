using System.Diagnostics;
using System.Globalization;
using Livepeer.Media;
using Livepeer.ModelBuilder;
using Livepeer.Pipelines;
using Microsoft.Extensions.Logging.Abstractions;

// The GPU check (issue 4): the upscale pipeline with ESRGAN-thick at 256 and 512 px in fp32 and fp16, and the
// diffusion step loop with a tiny UNet, and image-to-video's device part with a tiny SVD model, on CUDA device 0 with the default provider options. Prints one table row per
// case: provider, first run (session creation + first inference) and the median of the warm runs.
// usage: Livepeer.GpuCheck <esrgan-folder-with-esrgan-thick-x4[-fp16]> [runs] [cuda|cpu] [upscale sizes, e.g. 256,512]
var esrganRoot = args.Length > 0 ? args[0] : Path.Combine(".cache", "assets", "esrgan");
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var device = args.Length > 2 && args[2] == "cpu" ? new ComputeDevice(DeviceKind.Cpu, 0, Environment.ProcessorCount) : new ComputeDevice(DeviceKind.Cuda, 0, 1);
var sizes = args.Length > 3 ? args[3].Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray() : [256, 512];
var loader = new OnnxModelLoader(NullLoggerFactory.Instance);

Console.WriteLine("| case | provider | first run ms | median ms | runs |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var precision in new[] { "fp32", "fp16" })
{
    var folder = Path.Combine(esrganRoot, precision == "fp16" ? "esrgan-thick-x4-fp16" : "esrgan-thick-x4");
    if (!Directory.Exists(folder))
    {
        Console.WriteLine($"| upscale thick {precision} | missing {folder} | | | |");
        continue;
    }

    foreach (var size in sizes)
    {
        var png = ImageCodec.EncodePng(Gradient(size));
        var input = new PipelineInput(new Dictionary<string, string>(), png) { Pipeline = PipelineNames.Upscale };
        Measure($"upscale thick {precision} {size}px -> {size * 4}px", () => Load(folder, size), model => model.Run(input, CancellationToken.None));
    }
}

var diffusionRoot = Directory.CreateTempSubdirectory("gpu-check-sd-");
foreach (var channels in new[] { 64, 320 })
{
    var folder = TinyDiffusionFolder.Write(diffusionRoot.FullName, $"check/sd-{channels}", new TinyDiffusionSpec { UNetChannels = channels });
    var parameters = new Dictionary<string, string>
    {
        ["prompt"] = "a photo of a cat", ["width"] = "512", ["height"] = "512", ["num_inference_steps"] = "20",
        ["guidance_scale"] = "7.5", ["seed"] = "1", ["safety_check"] = "false",
    };
    var input = new PipelineInput(parameters, ReadOnlyMemory<byte>.Empty) { Pipeline = PipelineNames.TextToImage };
    PipelineOutput? last = null;
    Measure($"diffusion 512px, 20 steps, CFG batch 2, tiny UNet {channels} ch (per image)", () => Load(folder, 0), model => last = model.Run(input, CancellationToken.None));
    if (last is not null)
    {
        var denoise = double.Parse(last.Metadata["denoise_ms"], CultureInfo.InvariantCulture);
        var unet = double.Parse(last.Metadata["unet_ms"], CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| … per step, last run | | | {denoise / 20:F3} (outside session.Run {100 * (denoise - unet) / denoise:F1}%) | |"));
    }
}

// Image-to-video's device part at the production shape (the GPU machine has no ffmpeg, so the MP4 encode is not run).
{
    var folder = TinyVideoDiffusionFolder.Write(diffusionRoot.FullName, "check/svd", new TinyVideoDiffusionSpec { Frames = 25, UNetChannels = 64 });
    var parameters = new Dictionary<string, string>
    {
        ["width"] = "1024", ["height"] = "576", ["num_inference_steps"] = "25", ["fps"] = "7", ["seed"] = "1", ["safety_check"] = "false",
    };
    var input = new PipelineInput(parameters, ImageCodec.EncodePng(Gradient(512))) { Pipeline = PipelineNames.ImageToVideo };
    PipelineOutput? last = null;
    Measure("image-to-video 25 frames 1024x576, 25 steps, CFG batch 2, tiny UNet 64 ch (device part)", () => Load(folder, 0), model => last = model.Run(input, CancellationToken.None));
    if (last is not null)
    {
        var denoise = double.Parse(last.Metadata["denoise_ms"], CultureInfo.InvariantCulture);
        var unet = double.Parse(last.Metadata["unet_ms"], CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| … last run: denoise {denoise:F1} (outside session.Run {100 * (denoise - unet) / denoise:F1}%), decode {last.Metadata["decode_ms"]}, conditioning {last.Metadata["condition_ms"]} | | | | |"));
    }
}

diffusionRoot.Delete(recursive: true);
return 0;

ILoadedModel Load(string folder, int tileSize)
{
    var manifest = ModelManifest.Load(folder);
    if (tileSize > 0)
        manifest = manifest with { Defaults = manifest.Defaults.SetItem("tile_size", tileSize.ToString(CultureInfo.InvariantCulture)) };
    return loader.Load(new InstalledModel(folder, manifest), device, CancellationToken.None);
}

void Measure(string name, Func<ILoadedModel> load, Action<ILoadedModel> run)
{
    var started = Stopwatch.GetTimestamp();
    using var model = load();
    run(model);
    var first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        started = Stopwatch.GetTimestamp();
        run(model);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {model.ExecutionProvider} | {first:F1} | {times[times.Count / 2]:F2} | {runs} |"));
}

static RgbImage Gradient(int size)
{
    var rgb = new byte[3 * size * size];
    for (var i = 0; i < size * size; i++)
    {
        var (y, x) = Math.DivRem(i, size);
        rgb[3 * i] = (byte)(x * 255 / size);
        rgb[3 * i + 1] = (byte)(y * 255 / size);
        rgb[3 * i + 2] = (byte)(128 + 100 * Math.Sin((x + y) * 0.05));
    }

    return new RgbImage(size, size, rgb);
}
