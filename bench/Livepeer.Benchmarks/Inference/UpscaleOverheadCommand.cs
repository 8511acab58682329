using System.Diagnostics;
using System.Globalization;
using Livepeer.Benchmarks.Cli;
using Livepeer.Media;
using Livepeer.Pipelines;
using Microsoft.ML.OnnxRuntime;

namespace Livepeer.Benchmarks.Inference;

/// <summary>
/// <c>upscale</c>: one tile through the whole upscale pipeline (PNG decode, tiling, tensor conversion, the session,
/// stitching, PNG encode) against the bare ONNX Runtime session on the same tensor with the same thread settings, runs
/// interleaved so that machine noise hits both alike. Goal: pipeline overhead ≤ 10%.
/// </summary>
internal static class UpscaleOverheadCommand
{
    public static int Run(string[] args)
    {
        var options = new CommandArguments(args);
        var folder = options.Text("--model") ?? Path.Combine("models", "upscalerjs", "esrgan-slim-x4");
        var size = options.Int("--size", 128);
        var runs = options.Int("--runs", 30);
        var threads = options.Int("--threads", Environment.ProcessorCount);
        options.EnsureAllRead();

        MachineFacts.Print();
        var manifest = ModelManifest.Load(folder);
        using var pipeline = new OnnxModelLoader().Load(new InstalledModel(folder, manifest), new ComputeDevice(DeviceKind.Cpu, 0, threads), CancellationToken.None);
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
        };
        using var bare = new InferenceSession(manifest.FilePath(folder, "model"), sessionOptions);

        var image = Photo(size);
        var png = ImageCodec.EncodePng(image);
        var input = new PipelineInput(new Dictionary<string, string>(), png) { Pipeline = PipelineNames.Upscale };
        var tensor = ImageCodec.ToPlanar(image, manifest.PixelRange == PixelRanges.Byte ? 1f : 1f / 255);
        var inputName = bare.InputMetadata.Keys.First();
        using var value = OrtValue.CreateTensorValueFromMemory(tensor, [1, 3, size, size]);

        void RunBare()
        {
            using var results = bare.Run(new RunOptions(), [inputName], [value], [bare.OutputMetadata.Keys.First()]);
            _ = results[0].GetTensorDataAsSpan<float>()[0];
        }

        for (var i = 0; i < 3; i++)
        {
            pipeline.Run(input, CancellationToken.None);
            RunBare();
        }

        var parts = new Dictionary<string, List<double>> { ["decode_ms"] = [], ["model_ms"] = [], ["tiles_ms"] = [], ["encode_ms"] = [] };
        var pipelineMs = new List<double>();
        var bareMs = new List<double>();
        void RunPipeline()
        {
            var started = Stopwatch.GetTimestamp();
            var metadata = pipeline.Run(input, CancellationToken.None).Metadata;
            pipelineMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var (key, values) in parts)
                values.Add(double.Parse(metadata[key], CultureInfo.InvariantCulture));
        }

        void TimeBare()
        {
            var started = Stopwatch.GetTimestamp();
            RunBare();
            bareMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // Which one goes first alternates, so neither always runs on caches the other warmed.
        for (var run = 0; run < runs; run++)
        {
            if (run % 2 == 0)
            {
                RunPipeline();
                TimeBare();
            }
            else
            {
                TimeBare();
                RunPipeline();
            }
        }

        var pipelineMedian = new Percentiles(pipelineMs).At(50);
        var bareMedian = new Percentiles(bareMs).At(50);
        var breakdown = string.Join(' ', parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key[..^3]}_ms_p50={new Percentiles(p.Value).At(50):F2}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"upscale model={manifest.Id} size={size}->{size * 4} threads={threads} runs={runs} pipeline_ms_p50={pipelineMedian:F2} bare_session_ms_p50={bareMedian:F2} " +
            $"overhead_pct={100 * (pipelineMedian - bareMedian) / bareMedian:F2} (goal <= 10) {breakdown} {MachineFacts.LoadAverageField()}"));
        return 0;
    }

    /// <summary>A smooth synthetic photo-like image (gradients and edges), so PNG encoding costs what it costs on real images.</summary>
    private static RgbImage Photo(int size)
    {
        var rgb = new byte[3 * size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var i = 3 * (y * size + x);
                rgb[i] = (byte)(128 + 100 * Math.Sin(x * 0.07) * Math.Cos(y * 0.05));
                rgb[i + 1] = (byte)((x * 255 / size + (y > size / 2 ? 60 : 0)) % 256);
                rgb[i + 2] = (byte)(y * 255 / size);
            }
        }

        return new RgbImage(size, size, rgb);
    }
}
