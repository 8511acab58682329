using Livepeer.ModelBuilder;

namespace Livepeer.Pipelines.Tests;

/// <summary>One fp32 tiny 2x upscaler, written to a temp folder, loaded on the CPU and warmed up; shared by a test class.</summary>
public sealed class UpscalerFixture : IDisposable
{
    private readonly TempFolder temp = new();

    public UpscalerFixture()
    {
        var folder = ModelFolders.WriteTinyUpscaler(temp.Root, "test/upscaler-x2", Spec, 64L * 1024 * 1024);
        Installed = new InstalledModel(folder, ModelManifest.Load(folder));
        Model = new OnnxModelLoader().Load(Installed, Cpu, CancellationToken.None);
        Model.WarmUp(CancellationToken.None);
    }

    public static TinyUpscalerSpec Spec { get; } = new() { Scale = 2, HiddenChannels = 8, HiddenLayers = 1, Seed = 21 };

    public static ComputeDevice Cpu { get; } = new(DeviceKind.Cpu, 0, 1);

    public InstalledModel Installed { get; }

    public ILoadedModel Model { get; }

    public void Dispose()
    {
        Model.Dispose();
        temp.Dispose();
    }
}
