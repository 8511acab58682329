using System.Collections.Frozen;

namespace Livepeer.Pipelines;

/// <summary>Model families a manifest may name; each family has one way of running its files.</summary>
public static class ModelFamilies
{
    /// <summary>One ONNX graph with one tensor input and output, run as is (test and benchmark models, simple upscalers).</summary>
    public const string OnnxTensor = "onnx-tensor";

    /// <summary>An image-to-image ONNX upscaler: an image in, a PNG out (pixel range from the manifest).</summary>
    public const string OnnxUpscaler = "onnx-upscaler";

    /// <summary>
    /// Stable Diffusion 1.x, 2.x and Turbo as diffusers/Optimum ONNX folders: CLIP tokenizer, one text encoder, UNet,
    /// VAE decoder (and encoder for image-to-image), optional safety checker.
    /// </summary>
    public const string StableDiffusion = "stable-diffusion";

    /// <summary>SDXL and SDXL-Turbo/Lightning: two tokenizers and text encoders, <c>text_embeds</c> and <c>time_ids</c>.</summary>
    public const string StableDiffusionXl = "stable-diffusion-xl";

    /// <summary>
    /// Stable Video Diffusion (svd, svd-xt) for image-to-video: CLIP vision image encoder, VAE encoder, spatio-temporal
    /// UNet and temporal VAE decoder, optional safety checker; frames are encoded to MP4 with ffmpeg.
    /// </summary>
    public const string StableVideoDiffusion = "stable-video-diffusion";

    /// <summary>Every family this build can run.</summary>
    public static FrozenSet<string> All { get; } = new[] { OnnxTensor, OnnxUpscaler, StableDiffusion, StableDiffusionXl, StableVideoDiffusion }.ToFrozenSet(StringComparer.Ordinal);
}
