namespace Livepeer.Media;

/// <summary>
/// Resizes RGB images with a triangle (bilinear) filter whose support widens by the reduction factor when shrinking,
/// so every source pixel counts (the antialiased bilinear resize of PIL and of torch's <c>antialias=True</c>, which
/// diffusers uses before CLIP); enlarging is plain bilinear. Separable: rows first into floats, then columns.
/// </summary>
public static class ImageResampler
{
    /// <summary>A new <paramref name="width"/>×<paramref name="height"/> image; the source itself when the size is the same.</summary>
    public static RgbImage Resize(RgbImage source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (source.Width == width && source.Height == height)
            return source;

        var columns = Taps.For(source.Width, width);
        var rows = Taps.For(source.Height, height);

        // Horizontal pass: every source row to the new width, 3 floats per pixel.
        var horizontal = new float[3 * width * source.Height];
        for (var y = 0; y < source.Height; y++)
        {
            var sourceRow = source.Rgb.AsSpan(3 * y * source.Width, 3 * source.Width);
            var row = horizontal.AsSpan(3 * y * width, 3 * width);
            for (var x = 0; x < width; x++)
            {
                float r = 0, g = 0, b = 0;
                var first = columns.First[x];
                var weights = columns.Weights(x);
                for (var k = 0; k < weights.Length; k++)
                {
                    var pixel = 3 * (first + k);
                    r += weights[k] * sourceRow[pixel];
                    g += weights[k] * sourceRow[pixel + 1];
                    b += weights[k] * sourceRow[pixel + 2];
                }

                row[3 * x] = r;
                row[3 * x + 1] = g;
                row[3 * x + 2] = b;
            }
        }

        // Vertical pass, rounding to bytes.
        var rgb = new byte[3 * width * height];
        var stride = 3 * width;
        for (var y = 0; y < height; y++)
        {
            var first = rows.First[y];
            var weights = rows.Weights(y);
            for (var i = 0; i < stride; i++)
            {
                float sum = 0;
                for (var k = 0; k < weights.Length; k++)
                    sum += weights[k] * horizontal[(first + k) * stride + i];
                rgb[y * stride + i] = sum >= 255f ? (byte)255 : sum > 0f ? (byte)MathF.Round(sum) : (byte)0;
            }
        }

        return new RgbImage(width, height, rgb);
    }

    /// <summary>For each output position along one axis: the first source index and the normalised weights from there.</summary>
    private sealed class Taps
    {
        private readonly float[] weights;
        private readonly int[] counts;
        private readonly int span;

        private Taps(int[] first, float[] weights, int[] counts, int span)
        {
            First = first;
            this.weights = weights;
            this.counts = counts;
            this.span = span;
        }

        public int[] First { get; }

        public ReadOnlySpan<float> Weights(int output) => weights.AsSpan(output * span, counts[output]);

        public static Taps For(int sourceSize, int outputSize)
        {
            var scale = (double)sourceSize / outputSize;
            var support = Math.Max(scale, 1.0);
            var span = (int)Math.Ceiling(support) * 2 + 2;
            var first = new int[outputSize];
            var counts = new int[outputSize];
            var weights = new float[outputSize * span];
            for (var o = 0; o < outputSize; o++)
            {
                // The output pixel's centre in source coordinates; source pixel i has its centre at i + 0.5.
                var centre = (o + 0.5) * scale;
                var low = Math.Max((int)Math.Floor(centre - support), 0);
                var high = Math.Min((int)Math.Ceiling(centre + support), sourceSize);
                var total = 0.0;
                var count = 0;
                for (var i = low; i < high && count < span; i++)
                {
                    var weight = Math.Max(0, 1 - Math.Abs((i + 0.5 - centre) / support));
                    weights[o * span + count++] = (float)weight;
                    total += weight;
                }

                for (var k = 0; k < count; k++) weights[o * span + k] = (float)(weights[o * span + k] / total);
                first[o] = low;
                counts[o] = count;
            }

            return new Taps(first, weights, counts, span);
        }
    }
}
