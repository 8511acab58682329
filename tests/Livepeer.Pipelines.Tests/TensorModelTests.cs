using System.Collections.Immutable;
using Livepeer.ModelBuilder;

namespace Livepeer.Pipelines.Tests;

/// <summary><see cref="OnnxModelLoader"/> and <see cref="TensorModel"/> on real ONNX Runtime sessions.</summary>
public sealed class TensorModelTests : IDisposable
{
    private static readonly ComputeDevice Cpu = new(DeviceKind.Cpu, 0, 1);
    private static readonly TinyUpscalerSpec Spec = new() { Scale = 2, HiddenChannels = 8, HiddenLayers = 1, Seed = 5 };
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private InstalledModel Write(TinyUpscalerSpec spec, string modelId = "test/upscaler")
    {
        var folder = ModelFolders.WriteTinyUpscaler(temp.Root, modelId, spec, 64L * 1024 * 1024);
        return new InstalledModel(folder, ModelManifest.Load(folder));
    }

    [Fact]
    public void Load_TinyUpscalerOnCpu_UsesCpuProviderAndWarmsUp()
    {
        using var model = new OnnxModelLoader().Load(Write(Spec), Cpu, CancellationToken.None);

        Assert.IsType<TensorModel>(model);
        Assert.Equal("CPUExecutionProvider", model.ExecutionProvider);
        model.WarmUp(CancellationToken.None);
    }

    [Fact]
    public void Run_1x3x8x8Float32_Returns1x3x16x16NearNearestResize()
    {
        using var model = new OnnxModelLoader().Load(Write(Spec), Cpu, CancellationToken.None);
        model.WarmUp(CancellationToken.None);
        var image = Tensors.RandomImage(8, 8, seed: 1);

        var output = model.Run(Tensors.Input("1,3,8,8", Tensors.ToBytes(image)), CancellationToken.None);

        Assert.Equal("application/x-livepeer-tensor-f32", output.ContentType);
        Assert.Equal(TensorModel.ContentType, output.ContentType);
        Assert.Equal("1,3,16,16", Assert.Single(output.Metadata, m => m.Key == "shape").Value);
        Assert.Equal(64, output.Units);
        Assert.Equal(1 * 3 * 16 * 16 * sizeof(float), output.Data.Length);
        var difference = Tensors.MaxAbsDifference(Tensors.FromBytes(output.Data), Tensors.NearestResize(image, 8, 8, 2));
        Assert.InRange(difference, 0f, UpscalerError.PassThroughBound(Spec));
        // The derived bound for this spec is within the 0.05 a caller could see as "a pass-through with noise".
        Assert.True(UpscalerError.PassThroughBound(Spec) < 0.05f);
    }

    [Fact]
    public void Run_NonSquareInput_UnitsAreInputHeightTimesWidth()
    {
        using var model = new OnnxModelLoader().Load(Write(Spec), Cpu, CancellationToken.None);
        var image = Tensors.RandomImage(5, 9, seed: 2);

        var output = model.Run(Tensors.Input("1, 3, 5, 9", Tensors.ToBytes(image)), CancellationToken.None);

        Assert.Equal("1,3,10,18", output.Metadata["shape"]);
        Assert.Equal(45, output.Units);
        var difference = Tensors.MaxAbsDifference(Tensors.FromBytes(output.Data), Tensors.NearestResize(image, 5, 9, 2));
        Assert.InRange(difference, 0f, UpscalerError.PassThroughBound(Spec));
    }

    [Fact]
    public void Run_Scale4Model_Returns4xOutput()
    {
        var spec = Spec with { Scale = 4, HiddenLayers = 0 };
        using var model = new OnnxModelLoader().Load(Write(spec), Cpu, CancellationToken.None);
        var image = Tensors.RandomImage(6, 4, seed: 3);

        var output = model.Run(Tensors.Input("1,3,6,4", Tensors.ToBytes(image)), CancellationToken.None);

        Assert.Equal("1,3,24,16", output.Metadata["shape"]);
        Assert.Equal(24, output.Units);
        var difference = Tensors.MaxAbsDifference(Tensors.FromBytes(output.Data), Tensors.NearestResize(image, 6, 4, 4));
        Assert.InRange(difference, 0f, UpscalerError.PassThroughBound(spec));
    }

    [Fact]
    public void Run_Float16Model_Float32OnTheWire()
    {
        var spec = Spec with { Precision = TinyUpscalerPrecision.Float16 };
        var installed = Write(spec);
        Assert.Equal("fp16", installed.Manifest.Precision);
        using var model = new OnnxModelLoader().Load(installed, Cpu, CancellationToken.None);
        model.WarmUp(CancellationToken.None);
        var image = Tensors.RandomImage(8, 8, seed: 4);

        var output = model.Run(Tensors.Input("1,3,8,8", Tensors.ToBytes(image)), CancellationToken.None);

        Assert.Equal("CPUExecutionProvider", model.ExecutionProvider);
        Assert.Equal(TensorModel.ContentType, output.ContentType);
        Assert.Equal("1,3,16,16", output.Metadata["shape"]);
        Assert.Equal(64, output.Units);
        Assert.Equal(1 * 3 * 16 * 16 * sizeof(float), output.Data.Length);
        var difference = Tensors.MaxAbsDifference(Tensors.FromBytes(output.Data), Tensors.NearestResize(image, 8, 8, 2));
        Assert.InRange(difference, 0f, UpscalerError.HalfPrecisionBound(spec));
    }

    [Fact]
    public void Run_SameInputTwice_SameBytes()
    {
        using var model = new OnnxModelLoader().Load(Write(Spec), Cpu, CancellationToken.None);
        var input = Tensors.Input("1,3,8,8", Tensors.ToBytes(Tensors.RandomImage(8, 8, seed: 6)));

        var first = model.Run(input, CancellationToken.None);
        var second = model.Run(input, CancellationToken.None);

        Assert.Equal(first.Data, second.Data);
    }

    [Fact]
    public void WarmUp_ManifestWithoutWarmupShape_UsesDefaultSize()
    {
        var installed = Write(Spec);
        var manifest = installed.Manifest with { Warmup = ImmutableDictionary<string, string>.Empty };
        manifest.Save(installed.Folder);
        using var model = new OnnxModelLoader().Load(new InstalledModel(installed.Folder, ModelManifest.Load(installed.Folder)), Cpu, CancellationToken.None);

        model.WarmUp(CancellationToken.None);

        var output = model.Run(Tensors.Input("1,3,8,8", new byte[3 * 8 * 8 * sizeof(float)]), CancellationToken.None);
        Assert.Equal("1,3,16,16", output.Metadata["shape"]);
    }

    [Fact]
    public void Load_CudaDeviceWithoutCuda_FallsBackToCpu()
    {
        using var model = new OnnxModelLoader().Load(Write(Spec), new ComputeDevice(DeviceKind.Cuda, 0, 1), CancellationToken.None);
        model.WarmUp(CancellationToken.None);
        var image = Tensors.RandomImage(8, 8, seed: 7);

        var output = model.Run(Tensors.Input("1,3,8,8", Tensors.ToBytes(image)), CancellationToken.None);

        Assert.Equal("CPUExecutionProvider", model.ExecutionProvider);
        Assert.Equal("1,3,16,16", output.Metadata["shape"]);
        var difference = Tensors.MaxAbsDifference(Tensors.FromBytes(output.Data), Tensors.NearestResize(image, 8, 8, 2));
        Assert.InRange(difference, 0f, UpscalerError.PassThroughBound(Spec));
    }

    [Fact]
    public void Load_CancelledToken_ThrowsOperationCanceled()
    {
        var installed = Write(Spec);

        Assert.ThrowsAny<OperationCanceledException>(() => new OnnxModelLoader().Load(installed, Cpu, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void WarmUp_CancelledToken_ThrowsOperationCanceled()
    {
        using var model = new OnnxModelLoader().Load(Write(Spec), Cpu, CancellationToken.None);

        Assert.ThrowsAny<OperationCanceledException>(() => model.WarmUp(new CancellationToken(canceled: true)));
    }
}
