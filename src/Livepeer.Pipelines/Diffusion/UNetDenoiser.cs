using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// The denoising loop of one image: the UNet on (unconditional, conditional) as a batch of two when classifier-free
/// guidance is on (scale &gt; 1), ε = ε_u + g·(ε_c − ε_u), then the scheduler's step. Buffers and the constant inputs
/// (context, SDXL's text_embeds and time_ids) are made once per image and reused for every step.
/// </summary>
internal sealed class UNetDenoiser : IDisposable
{
    private readonly OnnxGraph unet;
    private readonly bool xl;
    private readonly bool timestepPerSample;

    /// <summary>Wraps the UNet after checking its contract, so a wrong export fails the load with a clear message.</summary>
    public UNetDenoiser(OnnxGraph unet, bool xl)
    {
        string[] inputs = xl ? ["sample", "timestep", "encoder_hidden_states", "text_embeds", "time_ids"] : ["sample", "timestep", "encoder_hidden_states"];
        unet.Require(inputs, ["out_sample"]);
        this.unet = unet;
        this.xl = xl;
        timestepPerSample = unet.InputDims("timestep") is not [1];
    }

    /// <summary>Runs steps <paramref name="startIndex"/>.. of <paramref name="scheduler"/> on <paramref name="latents"/> in place.</summary>
    /// <returns>Time spent inside the UNet's session runs.</returns>
    public TimeSpan Denoise(
        float[] latents, long[] latentShape, DiffusionScheduler scheduler, int startIndex,
        Conditioning positive, Conditioning? negative, double guidanceScale, int imageWidth, int imageHeight,
        GaussianNoise noise, CancellationToken cancellationToken)
    {
        var batch = negative is null ? 1 : 2;
        var size = latents.Length;
        var modelInput = new float[batch * size];
        var prediction = new float[batch * size];
        var guided = new float[size];
        long[] sampleShape = [batch, .. latentShape[1..]];
        var sequence = positive.Context.Length / positive.ContextDim;

        var constantNames = new List<string> { "encoder_hidden_states" };
        var constants = new List<OrtValue> { unet.Floats("encoder_hidden_states", Batch(negative?.Context, positive.Context), [batch, sequence, positive.ContextDim]) };
        try
        {
            if (xl)
            {
                constantNames.Add("text_embeds");
                constants.Add(unet.Floats("text_embeds", Batch(negative?.Pooled, positive.Pooled!), [batch, positive.Pooled!.Length]));
                float[] timeIds = [imageHeight, imageWidth, 0, 0, imageHeight, imageWidth];
                constantNames.Add("time_ids");
                constants.Add(unet.Floats("time_ids", Batch(negative is null ? null : timeIds, timeIds), [batch, 6]));
            }

            string[] names = ["sample", "timestep", .. constantNames];
            var inUNet = TimeSpan.Zero;
            var timesteps = new long[timestepPerSample ? batch : 1];
            for (var step = startIndex; step < scheduler.Timesteps.Count; step++)
            {
                var inputScale = scheduler.ModelInputScale(step);
                for (var b = 0; b < batch; b++)
                    LatentKernels.Scale(latents, inputScale, modelInput.AsSpan(b * size, size));
                Array.Fill(timesteps, scheduler.Timesteps[step]);

                using var sample = unet.Floats("sample", modelInput, sampleShape);
                using var timestep = unet.Numbers("timestep", timesteps, [timesteps.Length]);
                var started = Stopwatch.GetTimestamp();
                using var results = unet.Run(names, [sample, timestep, .. constants], ["out_sample"], cancellationToken);
                inUNet += Stopwatch.GetElapsedTime(started);

                // Guidance and the step read the UNet's output where ONNX Runtime left it (float16 is converted first).
                var output = unet.FloatsInPlace(results[0], "out_sample", prediction);
                if (negative is not null)
                {
                    LatentKernels.Guide(output[..size], output.Slice(size, size), (float)guidanceScale, guided);
                    output = guided;
                }

                scheduler.Step(latents, output, step, noise);
            }

            return inUNet;
        }
        finally
        {
            foreach (var value in constants) value.Dispose();
        }
    }

    public void Dispose() => unet.Dispose();

    private static float[] Batch(float[]? unconditional, float[] conditional)
    {
        if (unconditional is null)
            return conditional;
        return [.. unconditional, .. conditional];
    }
}
