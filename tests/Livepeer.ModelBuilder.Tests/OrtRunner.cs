using Microsoft.ML.OnnxRuntime;

namespace Livepeer.ModelBuilder.Tests;

/// <summary>Runs a single-input, single-output model through ONNX Runtime's CPU provider.</summary>
internal static class OrtRunner
{
    public static (T[] Data, long[] Shape) Run<T>(byte[] model, string inputName, T[] input, long[] shape)
        where T : unmanaged
    {
        using var session = new InferenceSession(model);
        return Run(session, inputName, input, shape);
    }

    public static (T[] Data, long[] Shape) Run<T>(InferenceSession session, string inputName, T[] input, long[] shape)
        where T : unmanaged
    {
        using var runOptions = new RunOptions();
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var results = session.Run(runOptions, [inputName], [inputValue], session.OutputNames);
        var output = results[0];
        return (output.GetTensorDataAsSpan<T>().ToArray(), output.GetTensorTypeAndShape().Shape);
    }

    /// <summary>Uniform values in [0, 1) from a fixed seed.</summary>
    public static float[] RandomImage(int height, int width, int seed)
    {
        var random = new Random(seed);
        var data = new float[3 * height * width];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextSingle();
        }

        return data;
    }

    /// <summary>Nearest-neighbour upscale of a [1, 3, H, W] image: output (y, x) reads input (y / scale, x / scale).</summary>
    public static float[] NearestResize(float[] image, int height, int width, int scale)
    {
        int outHeight = height * scale, outWidth = width * scale;
        var output = new float[3 * outHeight * outWidth];
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < outHeight; y++)
            {
                for (var x = 0; x < outWidth; x++)
                {
                    output[(((c * outHeight) + y) * outWidth) + x] = image[(((c * height) + (y / scale)) * width) + (x / scale)];
                }
            }
        }

        return output;
    }

    public static float MaxAbsDifference(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var max = 0f;
        for (var i = 0; i < actual.Length; i++)
        {
            max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
        }

        return max;
    }
}
