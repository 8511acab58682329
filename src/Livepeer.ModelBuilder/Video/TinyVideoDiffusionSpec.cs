namespace Livepeer.ModelBuilder;

/// <summary>
/// A Stable Video Diffusion model folder made of tiny graphs with the real input/output contract of the ONNX exports
/// (names, ranks, element types): CLIP vision image encoder, VAE encoder, spatio-temporal UNet with its 8-channel
/// [B,F,8,h,w] sample, continuous timestep and added time ids, temporal VAE decoder with <c>num_frames</c>, and
/// optionally a safety checker. The numbers mean nothing; the shapes, the data flow and the cost structure are real.
/// </summary>
public sealed record TinyVideoDiffusionSpec : TinyUNetModelSpec
{
    /// <summary>Width of the image embedding (1024 in the real ViT-H/14 encoder).</summary>
    public const int EmbeddingDim = 8;

    /// <summary>Frames per video: 14 (svd) or 25 (svd-xt) in the real models.</summary>
    public int Frames
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Frames));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 64, nameof(Frames));
            field = value;
        }
    } = 14;

    /// <summary>The UNet's frame axis is symbolic (the manifest's <c>num_frames</c> decides) instead of fixed, as exports fix it.</summary>
    public bool DynamicFrames { get; init; }

    /// <summary>The export fixes the video size (width, height in pixels), as TensorRT and OnnxStack exports do; null: any size.</summary>
    public (int Width, int Height)? FixedSize { get; init; }

    /// <summary>The UNet's batch is fixed at 1, so guidance runs the unconditional and conditional halves one after the other.</summary>
    public bool BatchOfOne { get; init; }
}
