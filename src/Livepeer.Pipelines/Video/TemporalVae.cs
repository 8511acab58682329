using Livepeer.Media;
using Livepeer.Pipelines.Diffusion;
using Microsoft.ML.OnnxRuntime;

namespace Livepeer.Pipelines.Video;

/// <summary>
/// SVD's VAE: the encoder makes the conditioning latents from the noise-augmented input image (the mode, not scaled,
/// as diffusers feeds them), and the temporal decoder (<c>latent_sample</c> [n,4,h,w], <c>num_frames</c> = n) turns
/// latents divided by the scaling factor back into frames, <c>decode_chunk_size</c> frames per run so that memory
/// stays bounded. A decoder without <c>num_frames</c> (the image-only decoder) is run the same way.
/// </summary>
internal sealed class TemporalVae : IDisposable
{
    private readonly OnnxGraph encoder;
    private readonly OnnxGraph decoder;
    private readonly float scalingFactor;
    private readonly long[]? numFramesShape;

    public TemporalVae(OnnxGraph encoder, OnnxGraph decoder, float scalingFactor)
    {
        encoder.Require(["sample"], ["latent_sample"]);
        decoder.Require(["latent_sample"], ["sample"]);
        this.encoder = encoder;
        this.decoder = decoder;
        this.scalingFactor = scalingFactor;
        if (decoder.HasInput("num_frames"))
            numFramesShape = decoder.InputDims("num_frames") is [] ? [] : [1];
    }

    /// <summary>The image (already at the video's size) plus <paramref name="noiseAugStrength"/>·N(0,1), encoded: [4, H/8, W/8].</summary>
    public float[] EncodeConditioning(RgbImage image, double noiseAugStrength, GaussianNoise noise, CancellationToken cancellationToken)
    {
        var pixels = LatentImageCodec.SignedPixels(image);
        var draws = new float[pixels.Length];
        noise.Fill(draws);
        LatentKernels.Blend(pixels, draws, 1f, (float)noiseAugStrength);
        return LatentImageCodec.EncodeMode(encoder, pixels, image.Width, image.Height, cancellationToken);
    }

    /// <summary>Decodes [F,4,h,w] latents into F frames of 8w×8h, <paramref name="chunkSize"/> frames per decoder run.</summary>
    public RgbImage[] Decode(float[] latents, int frames, int latentWidth, int latentHeight, int chunkSize, CancellationToken cancellationToken)
    {
        var frameLatents = LatentImageCodec.Channels * latentWidth * latentHeight;
        var width = latentWidth * LatentImageCodec.Factor;
        var height = latentHeight * LatentImageCodec.Factor;
        var framePixels = 3 * width * height;
        var images = new RgbImage[frames];
        for (var start = 0; start < frames; start += chunkSize)
        {
            var count = Math.Min(chunkSize, frames - start);
            var chunk = new float[count * frameLatents];
            LatentKernels.Scale(latents.AsSpan(start * frameLatents, chunk.Length), 1 / scalingFactor, chunk);

            var names = new List<string> { "latent_sample" };
            var inputs = new List<OrtValue> { decoder.Floats("latent_sample", chunk, [count, LatentImageCodec.Channels, latentHeight, latentWidth]) };
            try
            {
                if (numFramesShape is not null)
                {
                    names.Add("num_frames");
                    inputs.Add(decoder.Numbers("num_frames", [count], numFramesShape));
                }

                using var results = decoder.Run(names, inputs, ["sample"], cancellationToken);
                var pixels = new float[count * framePixels];
                decoder.ReadFloats(results[0], "sample", pixels);

                // [−1, 1] → [0, 1]; FromPlanar clamps and rounds.
                for (var i = 0; i < pixels.Length; i++) pixels[i] = pixels[i] * 0.5f + 0.5f;
                for (var f = 0; f < count; f++)
                    images[start + f] = ImageCodec.FromPlanar(pixels.AsSpan(f * framePixels, framePixels), width, height, 1f / 255);
            }
            finally
            {
                foreach (var input in inputs) input.Dispose();
            }
        }

        return images;
    }

    public void Dispose()
    {
        encoder.Dispose();
        decoder.Dispose();
    }
}
