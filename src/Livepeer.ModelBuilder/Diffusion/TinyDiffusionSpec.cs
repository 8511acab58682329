namespace Livepeer.ModelBuilder;

/// <summary>
/// A Stable Diffusion model folder made of tiny graphs with the real input/output contract (names, ranks, element types
/// of the diffusers/Optimum ONNX exports): tokenizer files, text encoder(s), UNet, VAE encoder and decoder, and
/// optionally a safety checker. The numbers mean nothing; the shapes, the data flow and the cost structure are real.
/// </summary>
public sealed record TinyDiffusionSpec : TinyUNetModelSpec
{
    /// <summary>The SDXL contract: two text encoders (penultimate hidden states, <c>text_embeds</c>) and <c>time_ids</c>.</summary>
    public bool Xl { get; init; }

    /// <summary>The UNet takes <c>timestep</c> as float <c>[B]</c> (Olive, OnnxStack) instead of int64 <c>[1]</c> (diffusers' script).</summary>
    public bool FloatTimestep { get; init; }

    /// <summary>Hidden size of the (first) text encoder: 768 in SD 1.x, here small.</summary>
    public const int TextDim = 8;

    /// <summary>Hidden size of SDXL's second text encoder (1280 in the real model).</summary>
    public const int Text2Dim = 12;

    /// <summary>Width of SDXL's pooled <c>text_embeds</c> (1280 in the real model).</summary>
    public const int PooledDim = 6;

    /// <summary>Context width the UNet's <c>encoder_hidden_states</c> has: one encoder's, or both concatenated for SDXL.</summary>
    public int ContextDim => Xl ? TextDim + Text2Dim : TextDim;
}
