namespace Livepeer.Pipelines.Tests.Runtime;

public sealed class CudaProviderOptionsTests
{
    [Fact]
    public void Defaults_AreNhwcAndExhaustiveSearch_AndValid()
    {
        Assert.Equal("1", ComputeDevice.DefaultCudaOptions["prefer_nhwc"]);
        Assert.Equal("EXHAUSTIVE", ComputeDevice.DefaultCudaOptions["cudnn_conv_algo_search"]);
        Assert.Empty(CudaProviderOptions.Check(ComputeDevice.DefaultCudaOptions));
        Assert.Same(ComputeDevice.DefaultCudaOptions, new ComputeDevice(DeviceKind.Cuda, 0, 1).CudaOptions);
    }

    [Theory]
    [InlineData("use_tf32", "0")]
    [InlineData("enable_cuda_graph", "1")]
    [InlineData("gpu_mem_limit", "8589934592")]
    [InlineData("cudnn_conv_algo_search", "HEURISTIC")]
    [InlineData("arena_extend_strategy", "kSameAsRequested")]
    public void KnownOptions_Pass(string key, string value) =>
        Assert.Empty(CudaProviderOptions.Check(new Dictionary<string, string> { [key] = value }));

    [Theory]
    [InlineData("device_id", "1", "device_id is set by the device's Index.")]
    [InlineData("prefer_nhwc", "yes", "prefer_nhwc must be 0 or 1, got 'yes'.")]
    [InlineData("gpu_mem_limit", "-1", "gpu_mem_limit must be a whole number, got '-1'.")]
    [InlineData("cudnn_conv_algo_search", "exhaustive", "cudnn_conv_algo_search must be EXHAUSTIVE, HEURISTIC or DEFAULT, got 'exhaustive'.")]
    [InlineData("use_cuda_graphs", "1", "use_cuda_graphs is not an ONNX Runtime CUDA provider option.")]
    public void BadOptions_AreNamed(string key, string value, string expected) =>
        Assert.Equal([expected], CudaProviderOptions.Check(new Dictionary<string, string> { [key] = value }));
}
