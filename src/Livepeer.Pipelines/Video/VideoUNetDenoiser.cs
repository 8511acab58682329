using System.Diagnostics;
using Livepeer.Pipelines.Diffusion;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Livepeer.Pipelines.Video;

/// <summary>
/// The denoising loop of SVD's spatio-temporal UNet. Each step gives it <c>sample</c> [B,F,8,h,w] (the scaled noisy
/// latents and the conditioning latents side by side on the channel axis), the continuous <c>timestep</c>, the image
/// embedding as <c>encoder_hidden_states</c> [B,1,E] and <c>added_time_ids</c> [B,3] = (fps − 1, motion bucket, noise
/// augmentation). With guidance the unconditional half has zero embedding and zero conditioning latents, and frame f is
/// guided with its own scale from the ramp. A UNet exported with a fixed batch of 1 runs the two halves one after the other.
/// </summary>
internal sealed class VideoUNetDenoiser : IDisposable
{
    private const int InputChannels = 2 * LatentImageCodec.Channels;
    private readonly OnnxGraph unet;
    private readonly bool batchOfOne;
    private readonly bool timestepPerSample;
    private readonly bool timestepScalar;

    public VideoUNetDenoiser(OnnxGraph unet)
    {
        unet.Require(["sample", "timestep", "encoder_hidden_states", "added_time_ids"], ["out_sample"]);
        var sample = unet.InputDims("sample");
        if (sample.Length != 5 || (sample[2] > 0 && sample[2] != InputChannels))
            throw new InvalidModelException($"Model '{unet.ModelId}': unet sample is [{string.Join(',', sample)}]; [B,F,8,h,w] expected.");
        if (unet.InputType("timestep") is not (TensorElementType.Float or TensorElementType.Float16))
            throw new InvalidModelException($"Model '{unet.ModelId}': unet timestep is {unet.InputType("timestep")}; SVD's continuous timestep needs float.");

        this.unet = unet;
        batchOfOne = sample[0] == 1;
        Frames = sample[1] > 0 ? sample[1] : null;
        LatentHeight = sample[3] > 0 ? sample[3] : null;
        LatentWidth = sample[4] > 0 ? sample[4] : null;
        var timestep = unet.InputDims("timestep");
        timestepScalar = timestep.Length == 0;
        timestepPerSample = timestep is not ([] or [1]);
    }

    /// <summary>The frame count the export fixes, if it does.</summary>
    public int? Frames { get; }

    /// <summary>The latent height the export fixes, if it does (exports for TensorRT and OnnxStack fix the resolution).</summary>
    public int? LatentHeight { get; }

    /// <summary>The latent width the export fixes, if it does.</summary>
    public int? LatentWidth { get; }

    /// <summary>Runs every step of <paramref name="scheduler"/> on <paramref name="latents"/> [F,4,h,w] in place.</summary>
    /// <returns>Time spent inside the UNet's session runs.</returns>
    public TimeSpan Denoise(
        float[] latents, int frames, int latentHeight, int latentWidth, EdmEulerScheduler scheduler, VideoConditioning conditioning,
        VideoDiffusionSettings settings, CancellationToken cancellationToken)
    {
        var guided = settings.Guided;
        var halves = guided ? 2 : 1;
        var perRun = batchOfOne ? 1 : halves;
        var frameSize = LatentImageCodec.Channels * latentHeight * latentWidth;
        var size = frames * frameSize;
        var prediction = new float[halves * size];
        var guidedOutput = new float[size];

        // Half 0 is the unconditional one when guided: zero embedding, zero conditioning latents.
        var embedding = conditioning.ImageEmbedding;
        var zeros = new float[embedding.Length];
        float[] timeIds = [conditioning.Fps - 1, conditioning.MotionBucketId, (float)conditioning.NoiseAugStrength];
        var runs = new List<Run>(halves / perRun);
        try
        {
            for (var first = 0; first < halves; first += perRun)
            {
                var halvesInRun = Enumerable.Range(first, perRun).ToArray();
                var context = halvesInRun.SelectMany(h => guided && h == 0 ? zeros : embedding).ToArray();
                var ids = halvesInRun.SelectMany(_ => timeIds).ToArray();

                // Each frame's 8 channels are 4 of noisy latents, rewritten every step, then 4 of conditioning
                // latents, the same for every step: written here once (the unconditional half keeps its zeros).
                var sampleBuffer = new float[perRun * frames * 2 * frameSize];
                for (var slot = 0; slot < perRun; slot++)
                {
                    if (guided && halvesInRun[slot] == 0) continue;
                    for (var f = 0; f < frames; f++)
                        conditioning.ImageLatents.CopyTo(sampleBuffer.AsSpan((slot * frames + f) * 2 * frameSize + frameSize, frameSize));
                }

                runs.Add(new Run(
                    halvesInRun,
                    sampleBuffer,
                    unet.Floats("encoder_hidden_states", context, [perRun, 1, embedding.Length]),
                    unet.Floats("added_time_ids", ids, [perRun, 3])));
            }

            long[] sampleShape = [perRun, frames, InputChannels, latentHeight, latentWidth];
            long[] timestepShape = timestepScalar ? [] : timestepPerSample ? [perRun] : [1];
            var timesteps = new float[timestepScalar ? 1 : timestepShape[0]];
            var inUNet = TimeSpan.Zero;
            for (var step = 0; step < scheduler.StepCount; step++)
            {
                var scale = scheduler.ModelInputScale(step);
                Array.Fill(timesteps, scheduler.Timestep(step));
                foreach (var run in runs)
                {
                    for (var slot = 0; slot < run.Halves.Length; slot++)
                    {
                        for (var f = 0; f < frames; f++)
                            LatentKernels.Scale(latents.AsSpan(f * frameSize, frameSize), scale, run.Sample.AsSpan((slot * frames + f) * 2 * frameSize, frameSize));
                    }

                    using var sample = unet.Floats("sample", run.Sample, sampleShape);
                    using var timestep = unet.Floats("timestep", timesteps, timestepShape);
                    var started = Stopwatch.GetTimestamp();
                    using var results = unet.Run(
                        ["sample", "timestep", "encoder_hidden_states", "added_time_ids"], [sample, timestep, run.Context, run.TimeIds],
                        ["out_sample"], cancellationToken);
                    inUNet += Stopwatch.GetElapsedTime(started);
                    unet.ReadFloats(results[0], "out_sample", prediction.AsSpan(run.Halves[0] * size, run.Halves.Length * size));
                }

                var velocity = prediction.AsSpan(0, size);
                if (guided)
                {
                    // diffusers' ramp: frame f gets min + (max − min)·f/(F − 1).
                    for (var f = 0; f < frames; f++)
                    {
                        var range = new Range(f * frameSize, (f + 1) * frameSize);
                        LatentKernels.Guide(prediction.AsSpan(0, size)[range], prediction.AsSpan(size, size)[range], settings.GuidanceOf(f), guidedOutput.AsSpan()[range]);
                    }

                    velocity = guidedOutput;
                }

                scheduler.Step(latents, velocity, step);
            }

            return inUNet;
        }
        finally
        {
            foreach (var run in runs)
            {
                run.Context.Dispose();
                run.TimeIds.Dispose();
            }
        }
    }

    public void Dispose() => unet.Dispose();

    /// <summary>One UNet call per step: which halves it carries (0 unconditional, 1 conditional), its sample buffer and constant inputs.</summary>
    private sealed record Run(int[] Halves, float[] Sample, OrtValue Context, OrtValue TimeIds);
}
