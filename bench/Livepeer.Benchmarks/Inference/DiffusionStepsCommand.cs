using System.Globalization;
using Livepeer.Benchmarks.Cli;
using Livepeer.ModelBuilder;
using Livepeer.Pipelines;

namespace Livepeer.Benchmarks.Inference;

/// <summary>
/// <c>diffusion</c>: the text-to-image loop with a tiny UNet (real SD contract, <c>--unet-channels</c> wide), and how much
/// of each step is spent outside the UNet's <c>session.Run</c> (input scaling, guidance, the scheduler, tensor
/// wrapping and copies). The pipeline reports both times per image; goal: outside ≤ 5% of the step.
/// </summary>
internal static class DiffusionStepsCommand
{
    public static int Run(string[] args)
    {
        var options = new CommandArguments(args);
        var channels = options.Int("--unet-channels", 64);
        var size = options.Int("--size", 512);
        var steps = options.Int("--steps", 20);
        var runs = options.Int("--runs", 10);
        var threads = options.Int("--threads", Environment.ProcessorCount);
        var schedulers = options.Words("--schedulers", ["euler", "euler_a", "lcm", "ddim"]);
        var guidance = options.Double("--guidance", 7.5);
        var warmup = options.Int("--warmup", 10);
        options.EnsureAllRead();

        MachineFacts.Print();
        var root = Directory.CreateTempSubdirectory("livepeer-bench-diffusion-");
        try
        {
            foreach (var scheduler in schedulers)
            {
                var folder = TinyDiffusionFolder.Write(root.FullName, $"bench/sd-{scheduler}", new TinyDiffusionSpec { UNetChannels = channels }, new Dictionary<string, string> { ["scheduler"] = scheduler });
                using var model = new OnnxModelLoader().Load(new InstalledModel(folder, ModelManifest.Load(folder)), new ComputeDevice(DeviceKind.Cpu, 0, threads), CancellationToken.None);
                var parameters = new Dictionary<string, string>
                {
                    ["prompt"] = "a photo of a cat",
                    ["width"] = Invariant(size),
                    ["height"] = Invariant(size),
                    ["num_inference_steps"] = Invariant(steps),
                    ["guidance_scale"] = guidance.ToString(CultureInfo.InvariantCulture),
                    ["seed"] = "1",
                    ["safety_check"] = "false",
                };
                var input = new PipelineInput(parameters, ReadOnlyMemory<byte>.Empty) { Pipeline = PipelineNames.TextToImage };

                // Untimed runs until tiered JIT has compiled the step loop's final code (two are not enough: the first
                // scheduler measured then showed twice the overhead of the same scheduler measured again later).
                for (var i = 0; i < warmup; i++)
                    model.Run(input, CancellationToken.None);
                var stepMs = new List<double>();
                var outsideMs = new List<double>();
                var outsidePercent = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    var metadata = model.Run(input, CancellationToken.None).Metadata;
                    var denoise = double.Parse(metadata["denoise_ms"], CultureInfo.InvariantCulture);
                    var unet = double.Parse(metadata["unet_ms"], CultureInfo.InvariantCulture);
                    stepMs.Add(denoise / steps);
                    outsideMs.Add((denoise - unet) / steps);
                    outsidePercent.Add(100 * (denoise - unet) / denoise);
                }

                var percent = new Percentiles(outsidePercent).At(50);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"diffusion scheduler={scheduler} size={size} latent={size / 8} batch={(guidance > 1 ? 2 : 1)} unet_channels={channels} steps={steps} runs={runs} " +
                    $"step_ms_p50={new Percentiles(stepMs).At(50):F3} outside_run_ms_per_step_p50={new Percentiles(outsideMs).At(50):F4} outside_pct_p50={percent:F2} (goal <= 5) {MachineFacts.LoadAverageField()}"));
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }

        return 0;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
