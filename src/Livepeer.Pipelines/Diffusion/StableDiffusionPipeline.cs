using System.Diagnostics;
using System.Globalization;
using Livepeer.Media;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// Text-to-image and image-to-image for the Stable Diffusion families: prompt → text encoder(s) → the UNet loop with
/// the model's scheduler and classifier-free guidance → VAE decode → safety check → PNG, one image per seed
/// (<c>seed + i</c>). Image-to-image encodes the input with the VAE and starts from it, noised for <c>strength</c>.
/// Priced as go-livepeer prices them: output pixels (text-to-image) or input pixels (image-to-image), times images.
/// </summary>
internal sealed class StableDiffusionPipeline(
    ModelManifest manifest, DiffusionSettings settings, PromptEncoder prompts, UNetDenoiser unet,
    LatentImageCodec vae, SafetyChecker? safety, string provider) : ILoadedModel
{
    /// <summary>Largest input image for image-to-image.</summary>
    internal static readonly ImageLimits InputLimits = new() { MaxPixels = DiffusionRequest.MaxPixels };

    public string ExecutionProvider => provider;

    public void WarmUp(CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["prompt"] = "warm-up",
            ["num_inference_steps"] = "1",
            ["width"] = "64",
            ["height"] = "64",
            ["safety_check"] = "true",
        };
        try
        {
            Run(new PipelineInput(parameters, ReadOnlyMemory<byte>.Empty) { Pipeline = PipelineNames.TextToImage }, cancellationToken);
        }
        catch (InvalidPipelineInputException e)
        {
            throw new InvalidModelException($"Model '{manifest.Id}': warm-up failed: {e.Message}", e);
        }
    }

    public PipelineOutput Run(PipelineInput input, CancellationToken cancellationToken)
    {
        var imageToImage = input.Pipeline == PipelineNames.ImageToImage || (input.Pipeline.Length == 0 && !input.Data.IsEmpty);
        if (imageToImage && !vae.CanEncode)
            throw new InvalidPipelineInputException($"Model '{manifest.Id}' has no VAE encoder, so it cannot run image-to-image.");
        var request = DiffusionRequest.From(input.Parameters, settings, imageToImage);
        var source = imageToImage ? DecodeSource(input.Data) : null;
        var width = source?.Width ?? request.Width;
        var height = source?.Height ?? request.Height;

        var started = Stopwatch.GetTimestamp();
        var guided = request.GuidanceScale > 1;
        var positive = prompts.Encode(request.Prompt, isNegative: false, cancellationToken);
        var negative = guided ? prompts.Encode(request.NegativePrompt, isNegative: true, cancellationToken) : null;
        var sourceLatents = source is null ? null : vae.Encode(source, cancellationToken);
        var encoded = Stopwatch.GetElapsedTime(started);

        var artifacts = new List<PipelineArtifact>(request.Images);
        var inUNet = TimeSpan.Zero;
        var denoising = TimeSpan.Zero;
        for (var i = 0; i < request.Images; i++)
        {
            var seed = request.Seed + (ulong)i;
            var denoiseStarted = Stopwatch.GetTimestamp();
            var (latents, latentShape) = Denoise(request, width, height, sourceLatents, positive, negative, seed, cancellationToken, out var unetTime);
            inUNet += unetTime;
            denoising += Stopwatch.GetElapsedTime(denoiseStarted);

            var image = vae.Decode(latents, (int)latentShape[3], (int)latentShape[2], cancellationToken);
            var nsfw = request.SafetyCheck && safety is not null && safety.IsNsfw(image, cancellationToken);
            artifacts.Add(new PipelineArtifact(ImageCodec.EncodePng(image), "image/png", unchecked((long)seed), nsfw));
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["width"] = Invariant(width),
            ["height"] = Invariant(height),
            ["num_inference_steps"] = Invariant(request.Steps),
            ["guidance_scale"] = request.GuidanceScale.ToString(CultureInfo.InvariantCulture),
            ["encode_ms"] = PipelineMetadata.Milliseconds(encoded),
            ["denoise_ms"] = PipelineMetadata.Milliseconds(denoising),
            ["unet_ms"] = PipelineMetadata.Milliseconds(inUNet),
            ["total_ms"] = PipelineMetadata.Milliseconds(Stopwatch.GetElapsedTime(started)),
        };
        return new PipelineOutput(artifacts, metadata, (long)width * height * request.Images);
    }

    public void Dispose()
    {
        prompts.Dispose();
        unet.Dispose();
        vae.Dispose();
        safety?.Dispose();
    }

    private (float[] Latents, long[] Shape) Denoise(
        DiffusionRequest request, int width, int height, float[]? sourceLatents, Conditioning positive, Conditioning? negative,
        ulong seed, CancellationToken cancellationToken, out TimeSpan inUNet)
    {
        long[] shape = [1, LatentImageCodec.Channels, height / LatentImageCodec.Factor, width / LatentImageCodec.Factor];
        var scheduler = DiffusionScheduler.Create(settings.Scheduler, settings.SchedulerOptions, request.Steps);
        var noise = new GaussianNoise(seed);
        var latents = new float[sourceLatents?.Length ?? (int)(shape[1] * shape[2] * shape[3])];
        noise.Fill(latents);
        var start = 0;
        if (sourceLatents is null)
        {
            for (var i = 0; i < latents.Length; i++) latents[i] *= scheduler.InitNoiseSigma;
        }
        else
        {
            // At least one step runs: a strength too small for the step count would return the input unchanged
            // (the runner raises a Turbo model's strength for the same reason).
            start = Math.Min(scheduler.StartIndexForStrength(request.Strength), request.Steps - 1);
            var noiseDraws = latents;
            latents = (float[])sourceLatents.Clone();
            scheduler.AddNoise(latents, noiseDraws, start);
        }

        inUNet = unet.Denoise(latents, shape, scheduler, start, positive, negative, request.GuidanceScale, width, height, noise, cancellationToken);
        return (latents, shape);
    }

    private static RgbImage DecodeSource(ReadOnlyMemory<byte> data)
    {
        RgbImage image;
        try
        {
            image = ImageCodec.Decode(data, InputLimits);
        }
        catch (Exception e) when (e is UnsupportedMediaException or MediaTooLargeException)
        {
            throw new InvalidPipelineInputException(e.Message);
        }

        // The VAE works in blocks of 8 pixels: the last few rows and columns that do not fill a block are cropped.
        var width = image.Width / LatentImageCodec.Factor * LatentImageCodec.Factor;
        var height = image.Height / LatentImageCodec.Factor * LatentImageCodec.Factor;
        if (width == 0 || height == 0)
            throw new InvalidPipelineInputException($"The image is {image.Width}x{image.Height}; image-to-image needs at least 8x8 pixels.");
        return width == image.Width && height == image.Height ? image : Crop(image, width, height);
    }

    private static RgbImage Crop(RgbImage image, int width, int height)
    {
        var rgb = new byte[3 * width * height];
        for (var y = 0; y < height; y++)
            image.Rgb.AsSpan(3 * y * image.Width, 3 * width).CopyTo(rgb.AsSpan(3 * y * width));
        return new RgbImage(width, height, rgb);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
