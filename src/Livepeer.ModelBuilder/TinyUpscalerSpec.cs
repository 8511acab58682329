namespace Livepeer.ModelBuilder;

/// <summary>Shape, seed and precision of a <see cref="TinyUpscaler"/> graph.</summary>
public sealed record TinyUpscalerSpec
{
    /// <summary>Largest accepted <see cref="Scale"/>.</summary>
    public const int MaxScale = 16;

    /// <summary>Largest accepted <see cref="HiddenChannels"/>.</summary>
    public const int MaxHiddenChannels = 8192;

    /// <summary>Largest accepted <see cref="HiddenLayers"/>.</summary>
    public const int MaxHiddenLayers = 256;

    /// <summary>Smallest target <see cref="ForParameterCount"/> accepts.</summary>
    public const long MinTargetParameterCount = 1_000;

    /// <summary>Largest target <see cref="ForParameterCount"/> accepts; also the largest model <see cref="TinyUpscaler.Build"/> writes.</summary>
    public const long MaxTargetParameterCount = 400_000_000;

    // Depth starts growing once a single pair of convs would need a very wide hidden layer; from here on
    // each width step changes the count by under 3%, so the nearest width always lands within 5%.
    private const long FirstHiddenLayerTarget = 16_000;
    private const int MaxChosenHiddenLayers = 16;

    /// <summary>Integer upscale factor applied to height and width by the Resize node (default 2).</summary>
    public int Scale
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Scale));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxScale, nameof(Scale));
            field = value;
        }
    } = 2;

    /// <summary>Channels of every hidden feature map; at least 3 so RGB can pass through (default 16).</summary>
    public int HiddenChannels
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 3, nameof(HiddenChannels));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxHiddenChannels, nameof(HiddenChannels));
            field = value;
        }
    } = 16;

    /// <summary>Number of hidden-to-hidden 3x3 conv layers between the first and last conv (default 1).</summary>
    public int HiddenLayers
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(HiddenLayers));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxHiddenLayers, nameof(HiddenLayers));
            field = value;
        }
    } = 1;

    /// <summary>Seed of the deterministic weight noise (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Element type of image, weights and output (default float32).</summary>
    public TinyUpscalerPrecision Precision
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(Precision), value, "Unknown precision.");
            }

            field = value;
        }
    }

    /// <summary>Exact number of conv weights and biases in the built graph.</summary>
    public long ParameterCount => CountParameters(HiddenChannels, HiddenLayers);

    /// <summary>
    /// A spec whose <see cref="ParameterCount"/> is within 5% of <paramref name="target"/>: one hidden layer is added per
    /// doubling of the target above 16,000 (at most 16), then the hidden width nearest the target is taken.
    /// </summary>
    public static TinyUpscalerSpec ForParameterCount(long target, int scale = 2, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(target, MinTargetParameterCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(target, MaxTargetParameterCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);

        var layers = 0;
        for (var threshold = FirstHiddenLayerTarget; target >= threshold && layers < MaxChosenHiddenLayers; threshold *= 2)
        {
            layers++;
        }

        var channels = NearestChannels(target, layers);
        return new TinyUpscalerSpec { Scale = scale, Seed = seed, HiddenChannels = channels, HiddenLayers = layers };
    }

    // First conv 3->C (27C + C), L hidden convs C->C (9C^2 + C each), last conv C->3 (27C + 3).
    internal static long CountParameters(long channels, long layers) =>
        checked((55 * channels) + 3 + (layers * ((9 * channels * channels) + channels)));

    private static int NearestChannels(long target, int layers)
    {
        // Solve 9L*C^2 + (55 + L)*C + 3 = target for real C, then compare the two neighbouring integers.
        double estimate;
        if (layers == 0)
        {
            estimate = (target - 3) / 55.0;
        }
        else
        {
            double a = 9.0 * layers, b = 55.0 + layers, c = 3.0 - target;
            estimate = (-b + Math.Sqrt((b * b) - (4 * a * c))) / (2 * a);
        }

        var lower = Math.Clamp((int)Math.Floor(estimate), 3, MaxHiddenChannels);
        var upper = Math.Clamp(lower + 1, 3, MaxHiddenChannels);
        var lowerError = Math.Abs(CountParameters(lower, layers) - target);
        var upperError = Math.Abs(CountParameters(upper, layers) - target);
        return upperError < lowerError ? upper : lower;
    }
}
