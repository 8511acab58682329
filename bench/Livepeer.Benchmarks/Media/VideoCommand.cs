using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Livepeer.Benchmarks.Cli;
using Livepeer.Benchmarks.Http;
using Livepeer.Media;
using Livepeer.ModelBuilder;
using Livepeer.Pipelines;

namespace Livepeer.Benchmarks.Media;

/// <summary>
/// <c>video</c>: image-to-video latency with a tiny SVD model on this machine's CPU, split into its parts (conditioning,
/// denoising, VAE decoding, MP4 encoding) as the pipeline reports them; then the same request through the real host
/// over HTTP (gateway, orchestrator, worker, media store), so the serving overhead on top of the pipeline shows.
/// </summary>
internal static class VideoCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandArguments(args);
        var frames = options.Int("--frames", 25);
        var width = options.Int("--width", 1024);
        var height = options.Int("--height", 576);
        var steps = options.Int("--steps", 25);
        var channels = options.Int("--unet-channels", 8);
        var runs = options.Int("--runs", 5);
        var threads = options.Int("--threads", 1);
        var http = options.Flag("--http");
        options.EnsureAllRead();

        MachineFacts.Print();
        var spec = new TinyVideoDiffusionSpec { Frames = frames, UNetChannels = channels };
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["width"] = Invariant(width),
            ["height"] = Invariant(height),
            ["num_inference_steps"] = Invariant(steps),
            ["fps"] = "7",
            ["seed"] = "1",
        };
        var image = ImageCodec.EncodePng(Photo(width, height));
        Console.WriteLine($"video model: tiny SVD, {frames} frames, UNet {channels} hidden channels, CFG batch 2, decode chunks of 4; request {width}x{height}, {steps} steps; CPU device, {threads} thread(s) per run");

        var root = Directory.CreateTempSubdirectory("livepeer-bench-video-");
        try
        {
            var folder = TinyVideoDiffusionFolder.Write(root.FullName, "bench/tiny-video", spec);
            using var model = new OnnxModelLoader().Load(
                new InstalledModel(folder, ModelManifest.Load(folder)), new ComputeDevice(DeviceKind.Cpu, 0, threads), CancellationToken.None);
            var totals = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var started = Stopwatch.GetTimestamp();
                var output = await model.Run(new PipelineInput(parameters, image) { Pipeline = PipelineNames.ImageToVideo }, CancellationToken.None)
                    .CompleteAsync(CancellationToken.None);
                var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (run > 0) totals.Add(total);
                var m = output.Metadata;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"video pipeline run={(run == 0 ? "warmup" : Invariant(run))} total_ms={total:F0} condition_ms={m["condition_ms"]} denoise_ms={m["denoise_ms"]} (unet_ms={m["unet_ms"]}) decode_ms={m["decode_ms"]} encode_ms={m["encode_ms"]} mp4_bytes={output.Data.Length} {MachineFacts.LoadAverageField()}"));
            }

            Summary("video pipeline", totals);
        }
        finally
        {
            root.Delete(recursive: true);
        }

        if (http)
            await RunHttpAsync(spec, parameters, image, runs, threads);
        return 0;
    }

    private static async Task RunHttpAsync(TinyVideoDiffusionSpec spec, Dictionary<string, string> parameters, byte[] image, int runs, int threads)
    {
        var settings = new Dictionary<string, string> { ["Livepeer:Worker:Devices:0:ThreadsPerRun"] = Invariant(threads) };
        await using var host = await GatewayHost.StartAsync(slots: 1, settings, spec);
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        var totals = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var total = await PostAsync(client, parameters, image);
            if (run > 0) totals.Add(total);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"video http run={(run == 0 ? "warmup" : Invariant(run))} total_ms={total:F0} {MachineFacts.LoadAverageField()}"));
        }

        Summary("video http", totals);

        // Two requests at once on the one slot: the second denoises while the first encodes, so the pair takes less
        // than two requests one after the other.
        var pairs = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(PostAsync(client, parameters, image), PostAsync(client, parameters, image));
            var pair = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            pairs.Add(pair);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"video http pair run={run} wall_ms={pair:F0} {MachineFacts.LoadAverageField()}"));
        }

        Summary("video http pair (one slot)", pairs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"video http pair vs two in a row: {pairs[pairs.Count / 2]:F0} ms vs {2 * totals[totals.Count / 2]:F0} ms"));
    }

    private static async Task<double> PostAsync(HttpClient client, Dictionary<string, string> parameters, byte[] image)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(GatewayHost.VideoModelId), "model_id");
        foreach (var (key, value) in parameters) form.Add(new StringContent(value), key);
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "image", "image.png");

        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(new Uri("/image-to-video", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /image-to-video answered {(int)response.StatusCode}: {body}");
        return total;
    }

    private static void Summary(string label, List<double> totals)
    {
        totals.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} summary runs={totals.Count} min={totals[0]:F0} median={totals[totals.Count / 2]:F0} max={totals[^1]:F0} ms"));
    }

    // A smooth picture with some texture, so the conditioning and the encoder see something like a photo.
    private static RgbImage Photo(int width, int height)
    {
        var rgb = new byte[3 * width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = 3 * (y * width + x);
                rgb[at] = (byte)(128 + 100 * Math.Sin(x / 40.0));
                rgb[at + 1] = (byte)(128 + 100 * Math.Cos(y / 30.0));
                rgb[at + 2] = (byte)((x ^ y) & 0xFF);
            }
        }

        return new RgbImage(width, height, rgb);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
