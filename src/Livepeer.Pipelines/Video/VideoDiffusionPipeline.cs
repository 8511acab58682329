using System.Diagnostics;
using System.Globalization;
using Livepeer.Media;
using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Video;

/// <summary>
/// Image-to-video with Stable Video Diffusion, as diffusers' StableVideoDiffusionPipeline runs it for the Livepeer
/// runner: the input image's CLIP embedding and its noise-augmented VAE latents condition the spatio-temporal UNet,
/// which denoises F frames of latents with the EDM Euler sampler and per-frame guidance; the temporal VAE decodes them
/// in chunks. That is the device's part. Encoding the frames to H.264 MP4 with ffmpeg is left in
/// <see cref="PipelineOutput.Finish"/>, so the worker frees the device's slot before it runs. Priced as go-livepeer
/// prices it: width × height × 25 frames.
/// </summary>
internal sealed class VideoDiffusionPipeline(
    ModelManifest manifest, VideoDiffusionSettings settings, ImageEmbedder embedder, TemporalVae vae, VideoUNetDenoiser unet,
    SafetyChecker? safety, VideoEncoder encoder, string provider) : ILoadedModel
{
    private static readonly ImageLimits InputLimits = new() { MaxPixels = 4096L * 4096 };

    public string ExecutionProvider => provider;

    public void WarmUp(CancellationToken cancellationToken)
    {
        // The export's own size when it fixes one; the encoder runs too, so a missing ffmpeg fails the load, not a job.
        var width = unet.LatentWidth * LatentImageCodec.Factor ?? 64;
        var height = unet.LatentHeight * LatentImageCodec.Factor ?? 64;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["width"] = width.ToString(CultureInfo.InvariantCulture),
            ["height"] = height.ToString(CultureInfo.InvariantCulture),
            ["num_inference_steps"] = "1",
            ["safety_check"] = "true",
        };
        var image = ImageCodec.EncodePng(new RgbImage(width, height, new byte[3 * width * height]));
        try
        {
            Run(new PipelineInput(parameters, image) { Pipeline = PipelineNames.ImageToVideo }, cancellationToken)
                .CompleteAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidPipelineInputException or VideoEncodingException)
        {
            throw new InvalidModelException($"Model '{manifest.Id}': warm-up failed: {e.Message}", e);
        }
    }

    public PipelineOutput Run(PipelineInput input, CancellationToken cancellationToken)
    {
        var request = VideoDiffusionRequest.From(input.Parameters, settings);
        if ((unet.LatentWidth is { } fixedWidth && fixedWidth * LatentImageCodec.Factor != request.Width)
            || (unet.LatentHeight is { } fixedHeight && fixedHeight * LatentImageCodec.Factor != request.Height))
        {
            throw new InvalidPipelineInputException(
                $"Model '{manifest.Id}' renders {(unet.LatentWidth ?? 0) * LatentImageCodec.Factor}x{(unet.LatentHeight ?? 0) * LatentImageCodec.Factor} videos only (width x height), not {request.Width}x{request.Height}.");
        }

        var source = DecodeSource(input.Data);
        var started = Stopwatch.GetTimestamp();

        // The runner checks the input image: the frames can only show what it shows.
        var nsfw = request.SafetyCheck && safety is not null && safety.IsNsfw(source, cancellationToken);
        var noise = new GaussianNoise(request.Seed);
        var embedding = embedder.Embed(source, cancellationToken);
        var imageLatents = vae.EncodeConditioning(ImageResampler.Resize(source, request.Width, request.Height), request.NoiseAugStrength, noise, cancellationToken);
        var conditioning = new VideoConditioning(embedding, imageLatents, request.ConditioningFps, request.MotionBucketId, request.NoiseAugStrength);
        var conditioned = Stopwatch.GetElapsedTime(started);

        var frames = settings.Frames;
        var latentWidth = request.Width / LatentImageCodec.Factor;
        var latentHeight = request.Height / LatentImageCodec.Factor;
        var scheduler = EdmEulerScheduler.Create(request.Steps, settings.SigmaMin, settings.SigmaMax);
        var latents = new float[frames * LatentImageCodec.Channels * latentWidth * latentHeight];
        noise.Fill(latents);
        LatentKernels.Scale(latents, scheduler.InitNoiseSigma, latents);
        var denoiseStarted = Stopwatch.GetTimestamp();
        var inUNet = unet.Denoise(latents, frames, latentHeight, latentWidth, scheduler, conditioning, settings, cancellationToken);
        var denoised = Stopwatch.GetElapsedTime(denoiseStarted);

        var decodeStarted = Stopwatch.GetTimestamp();
        var images = vae.Decode(latents, frames, latentWidth, latentHeight, settings.DecodeChunkSize, cancellationToken);
        var decoded = Stopwatch.GetElapsedTime(decodeStarted);

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["width"] = Invariant(request.Width),
            ["height"] = Invariant(request.Height),
            ["frames"] = Invariant(frames),
            ["num_inference_steps"] = Invariant(request.Steps),
            ["condition_ms"] = PipelineMetadata.Milliseconds(conditioned),
            ["denoise_ms"] = PipelineMetadata.Milliseconds(denoised),
            ["unet_ms"] = PipelineMetadata.Milliseconds(inUNet),
            ["decode_ms"] = PipelineMetadata.Milliseconds(decoded),
        };
        var units = (long)request.Width * request.Height * FeeUnits.VideoFrames;

        // Go-livepeer's orchestrator writes the MP4 at the request's fps, or 7 when the request gave none.
        var encoding = new VideoEncoding { Fps = request.Fps ?? VideoEncoding.DefaultFps };
        metadata["fps"] = Invariant(encoding.Fps);
        return new PipelineOutput([], metadata, units)
        {
            Finish = async finishCancellation =>
            {
                var encodeStarted = Stopwatch.GetTimestamp();
                var video = await encoder.EncodeAsync(images, encoding, finishCancellation).ConfigureAwait(false);
                var final = new Dictionary<string, string>(metadata, StringComparer.Ordinal)
                {
                    ["encode_ms"] = PipelineMetadata.Milliseconds(Stopwatch.GetElapsedTime(encodeStarted)),
                };
                return new PipelineOutput([new PipelineArtifact(video, "video/mp4", unchecked((long)request.Seed), nsfw)], final, units);
            },
        };
    }

    public void Dispose()
    {
        embedder.Dispose();
        vae.Dispose();
        unet.Dispose();
        safety?.Dispose();
    }

    private static RgbImage DecodeSource(ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty)
            throw new InvalidPipelineInputException("Image-to-video needs an input image.");
        try
        {
            return ImageCodec.Decode(data, InputLimits);
        }
        catch (Exception e) when (e is UnsupportedMediaException or MediaTooLargeException)
        {
            throw new InvalidPipelineInputException(e.Message);
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
