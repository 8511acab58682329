using System.Collections.Frozen;

namespace Livepeer.Pipelines;

/// <summary>Model families a manifest may name; each family has one way of running its files.</summary>
public static class ModelFamilies
{
    /// <summary>One ONNX graph with one tensor input and output, run as is (test and benchmark models, simple upscalers).</summary>
    public const string OnnxTensor = "onnx-tensor";

    /// <summary>An image-to-image ONNX upscaler: an image in, a PNG out (pixel range from the manifest).</summary>
    public const string OnnxUpscaler = "onnx-upscaler";

    /// <summary>Every family this build can run.</summary>
    public static FrozenSet<string> All { get; } = new[] { OnnxTensor, OnnxUpscaler }.ToFrozenSet(StringComparer.Ordinal);
}
