using Livepeer.Media;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// The VAE: images in [−1, 1] to latents multiplied by the family's scaling factor (image-to-image), and latents divided
/// by it back to 8-bit RGB. An encoder that outputs the latent distribution (8 channels: mean, log-variance) is read at
/// its mean, as image-to-image takes the mode.
/// </summary>
internal sealed class LatentImageCodec(OnnxGraph decoder, OnnxGraph? encoder, float scalingFactor) : IDisposable
{
    public const int Factor = 8;
    public const int Channels = 4;

    public bool CanEncode => encoder is not null;

    public RgbImage Decode(float[] latents, int latentWidth, int latentHeight, CancellationToken cancellationToken)
    {
        var scaled = new float[latents.Length];
        for (var i = 0; i < scaled.Length; i++) scaled[i] = latents[i] / scalingFactor;
        using var input = decoder.Floats("latent_sample", scaled, [1, Channels, latentHeight, latentWidth]);
        using var results = decoder.Run(["latent_sample"], [input], ["sample"], cancellationToken);
        var width = latentWidth * Factor;
        var height = latentHeight * Factor;
        var pixels = new float[3 * width * height];
        decoder.ReadFloats(results[0], "sample", pixels);

        // [−1, 1] → [0, 1]; FromPlanar clamps and rounds.
        for (var i = 0; i < pixels.Length; i++) pixels[i] = pixels[i] * 0.5f + 0.5f;
        return ImageCodec.FromPlanar(pixels, width, height, 1f / 255);
    }

    public float[] Encode(RgbImage image, CancellationToken cancellationToken)
    {
        if (encoder is null)
            throw new InvalidOperationException("The model has no VAE encoder.");
        var latents = EncodeMode(encoder, SignedPixels(image), image.Width, image.Height, cancellationToken);
        for (var i = 0; i < latents.Length; i++) latents[i] *= scalingFactor;
        return latents;
    }

    /// <summary>The image as planar [3, H, W] floats in [−1, 1], as VAE encoders take it.</summary>
    public static float[] SignedPixels(RgbImage image)
    {
        var pixels = ImageCodec.ToPlanar(image, 2f / 255);
        for (var i = 0; i < pixels.Length; i++) pixels[i] -= 1f;
        return pixels;
    }

    /// <summary>
    /// Runs a VAE encoder on planar [−1, 1] pixels and returns the mode of the latent distribution, unscaled, [4, H/8, W/8]
    /// (an encoder that outputs mean and log-variance, 8 channels, is read at its mean).
    /// </summary>
    public static float[] EncodeMode(OnnxGraph encoder, float[] pixels, int width, int height, CancellationToken cancellationToken)
    {
        using var input = encoder.Floats("sample", pixels, [1, 3, height, width]);
        using var results = encoder.Run(["sample"], [input], ["latent_sample"], cancellationToken);
        var (values, shape) = encoder.ReadFloats(results[0], "latent_sample");
        var latentHeight = height / Factor;
        var latentWidth = width / Factor;
        if (shape is not [1, Channels or 2 * Channels, var h, var w] || h != latentHeight || w != latentWidth)
            throw new InvalidModelException($"Model '{encoder.ModelId}': vae_encoder returned [{TensorShape.Format(shape)}] for a {height}x{width} image; [1,4,{latentHeight},{latentWidth}] expected.");

        // The mean is the first four channels, so the copy is a prefix.
        return values[..(Channels * latentHeight * latentWidth)];
    }

    public void Dispose()
    {
        decoder.Dispose();
        encoder?.Dispose();
    }
}
