using System.Buffers.Binary;

namespace Livepeer.Pipelines.Tests;

/// <summary>Test images and the float32 little-endian wire format of <see cref="TensorModel"/>.</summary>
internal static class Tensors
{
    /// <summary>A [1, 3, height, width] image of values uniform in [0, 1), fixed by <paramref name="seed"/>.</summary>
    public static float[] RandomImage(int height, int width, int seed)
    {
        var random = new Random(seed);
        var image = new float[3 * height * width];
        for (var i = 0; i < image.Length; i++) image[i] = random.NextSingle();
        return image;
    }

    /// <summary>Nearest-neighbour upscale of a [1, 3, H, W] image: output (y, x) is input (y / scale, x / scale).</summary>
    public static float[] NearestResize(float[] image, int height, int width, int scale)
    {
        int outHeight = height * scale, outWidth = width * scale;
        var output = new float[3 * outHeight * outWidth];
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < outHeight; y++)
            {
                for (var x = 0; x < outWidth; x++)
                    output[(((c * outHeight) + y) * outWidth) + x] = image[(((c * height) + (y / scale)) * width) + (x / scale)];
            }
        }

        return output;
    }

    public static byte[] ToBytes(float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        return bytes;
    }

    public static float[] FromBytes(byte[] bytes)
    {
        Assert.Equal(0, bytes.Length % sizeof(float));
        var values = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return values;
    }

    public static float MaxAbsDifference(float[] actual, float[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var max = 0f;
        for (var i = 0; i < actual.Length; i++) max = MathF.Max(max, MathF.Abs(actual[i] - expected[i]));
        return max;
    }

    /// <summary>A run's input: <paramref name="data"/> with the <c>shape</c> parameter set to <paramref name="shape"/>.</summary>
    public static PipelineInput Input(string shape, byte[] data) =>
        new(new Dictionary<string, string>(StringComparer.Ordinal) { ["shape"] = shape }, data);
}
