namespace Livepeer.ModelBuilder.Tests.Tfjs;

/// <summary>
/// One image as Keras holds it (height, width, channels), with the few Keras/TensorFlow operations the converter
/// translates, written out plainly as the reference the ONNX graphs are checked against.
/// </summary>
internal sealed record Nhwc(int Height, int Width, int Channels, float[] Data)
{
    public float this[int y, int x, int c] => Data[(((y * Width) + x) * Channels) + c];

    public static Nhwc Random(int height, int width, int channels, int seed, float low = 0f, float high = 1f)
    {
        var random = new Random(seed);
        var data = new float[height * width * channels];
        for (var i = 0; i < data.Length; i++)
            data[i] = low + ((high - low) * random.NextSingle());
        return new Nhwc(height, width, channels, data);
    }

    public static float[] RandomWeights(int count, int seed, float amplitude)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => amplitude * ((2 * random.NextSingle()) - 1))];
    }

    /// <summary>Conv2D, stride 1: "same" pads (k - 1) in total with the odd pixel at the bottom and right, as TensorFlow does.</summary>
    public Nhwc Conv2D(float[] kernel, float[] bias, int size, bool same)
    {
        var filters = bias.Length;
        var before = same ? (size - 1) / 2 : 0;
        var (height, width) = same ? (Height, Width) : (Height - size + 1, Width - size + 1);
        var output = new float[height * width * filters];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var o = 0; o < filters; o++)
                {
                    double sum = bias[o];
                    for (var ky = 0; ky < size; ky++)
                    {
                        for (var kx = 0; kx < size; kx++)
                        {
                            int sy = y + ky - before, sx = x + kx - before;
                            if (sy < 0 || sy >= Height || sx < 0 || sx >= Width)
                                continue;
                            for (var i = 0; i < Channels; i++)
                                sum += this[sy, sx, i] * kernel[(((((ky * size) + kx) * Channels) + i) * filters) + o];
                        }
                    }

                    output[(((y * width) + x) * filters) + o] = (float)sum;
                }
            }
        }

        return new Nhwc(height, width, filters, output);
    }

    public Nhwc Map(Func<float, float> function) => this with { Data = [.. Data.Select(function)] };

    public Nhwc Relu() => Map(v => Math.Max(v, 0f));

    public Nhwc Add(Nhwc other) => this with { Data = [.. Data.Zip(other.Data, (a, b) => a + b)] };

    public Nhwc Concat(Nhwc other)
    {
        var channels = Channels + other.Channels;
        var output = new float[Height * Width * channels];
        for (var p = 0; p < Height * Width; p++)
        {
            Data.AsSpan(p * Channels, Channels).CopyTo(output.AsSpan(p * channels));
            other.Data.AsSpan(p * other.Channels, other.Channels).CopyTo(output.AsSpan((p * channels) + Channels));
        }

        return new Nhwc(Height, Width, channels, output);
    }

    /// <summary>UpSampling2D with nearest interpolation: every pixel repeated into a scale × scale block.</summary>
    public Nhwc UpSample(int scale)
    {
        int height = Height * scale, width = Width * scale;
        var output = new float[height * width * Channels];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < Channels; c++)
                    output[(((y * width) + x) * Channels) + c] = this[y / scale, x / scale, c];
            }
        }

        return new Nhwc(height, width, Channels, output);
    }

    /// <summary>tf.depthToSpace in NHWC: output (y·s + dy, x·s + dx, c) reads input channel (dy·s + dx)·C' + c.</summary>
    public Nhwc DepthToSpace(int scale)
    {
        var channels = Channels / (scale * scale);
        int height = Height * scale, width = Width * scale;
        var output = new float[height * width * channels];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < channels; c++)
                    output[(((y * width) + x) * channels) + c] = this[y / scale, x / scale, (((y % scale * scale) + (x % scale)) * channels) + c];
            }
        }

        return new Nhwc(height, width, channels, output);
    }

    /// <summary>The same image as a [1, C, H, W] array, the converted graph's layout.</summary>
    public float[] ToNchw()
    {
        var output = new float[Data.Length];
        for (var c = 0; c < Channels; c++)
        {
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                    output[(((c * Height) + y) * Width) + x] = this[y, x, c];
            }
        }

        return output;
    }

    public long[] NchwShape => [1, Channels, Height, Width];
}
