namespace Livepeer.ModelBuilder;

/// <summary>What every tiny diffusion model (image or video) lets a test choose: the UNet's width and I/O type, the safety checker, the weights' seed.</summary>
public abstract record TinyUNetModelSpec
{
    /// <summary>The UNet's inputs and outputs are float16, as in fp16 exports that keep no float32 I/O.</summary>
    public bool Float16UNet { get; init; }

    /// <summary>Width of the UNet's hidden 3x3 convolutions; sets its cost per step.</summary>
    public int UNetChannels
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(UNetChannels));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1024, nameof(UNetChannels));
            field = value;
        }
    } = 8;

    /// <summary>Whether a safety checker graph is included.</summary>
    public bool SafetyChecker { get; init; }

    /// <summary>The safety checker flags an image whose mean CLIP-normalised pixel exceeds this.</summary>
    public float NsfwThreshold { get; init; } = float.PositiveInfinity;

    /// <summary>Seed of the weights.</summary>
    public int Seed { get; init; } = 1;
}
