using Livepeer.ModelBuilder;
namespace Livepeer.Pipelines.Tests;
public sealed class Probe
{
    private static string Folder(string json, bool withFile = true)
    {
        var dir = Path.Combine(Path.GetTempPath(), "probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        if (withFile) File.WriteAllBytes(Path.Combine(dir, "model.onnx"), [1, 2, 3]);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), json);
        return dir;
    }
    [Theory]
    [InlineData("""{"id":"a","family":null,"memoryBytes":1,"files":{"model":"model.onnx"}}""")]
    [InlineData("""{"id":"a","family":"onnx-tensor","memoryBytes":1,"files":{"model":null}}""")]
    [InlineData("""{"id":"a","family":"onnx-tensor","memoryBytes":1,"files":null}""")]
    [InlineData("""{"id":"a","family":"onnx-tensor","memoryBytes":1,"pipelines":null,"files":{"model":"model.onnx"}}""")]
    [InlineData("""{"id":"a","family":"onnx-tensor","memoryBytes":1,"warmup":null,"files":{"model":"model.onnx"}}""")]
    [InlineData("""{"id":"a","family":"onnx-tensor","memoryBytes":1,"precision":null,"files":{"model":"model.onnx"}}""")]
    public void Manifest(string json)
    {
        var dir = Folder(json);
        try { var m = ModelManifest.Load(dir); Assert.Fail("loaded; warmup null=" + (m.Warmup is null)); }
        catch (InvalidModelException e) { Assert.Fail("OK " + e.Message); }
    }
    [Fact]
    public void Prefix()
    {
        var parent = Path.Combine(Path.GetTempPath(), "probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(parent, "m-evil"));
        File.WriteAllBytes(Path.Combine(parent, "m-evil", "x.onnx"), [1]);
        Directory.CreateDirectory(Path.Combine(parent, "m"));
        File.WriteAllText(Path.Combine(parent, "m", "manifest.json"), """{"id":"a","family":"onnx-tensor","memoryBytes":1,"files":{"model":"../m-evil/x.onnx"}}""");
        var m = ModelManifest.Load(Path.Combine(parent, "m"));
        Assert.Fail("loaded " + m.FilePath(Path.Combine(parent, "m"), "model"));
    }
    [Theory]
    [InlineData(DeviceKind.Cuda)]
    [InlineData(DeviceKind.Cpu)]
    public void Overflow(DeviceKind kind)
    {
        var root = Path.Combine(Path.GetTempPath(), "probe-" + Guid.NewGuid().ToString("N"));
        var folder = ModelFolders.WriteTinyUpscaler(root, "a/b", new TinyUpscalerSpec { HiddenChannels = 4 }, 1);
        using var model = new OnnxModelLoader().Load(new InstalledModel(folder, ModelManifest.Load(folder)), new ComputeDevice(kind, 0, 1), default);
        var p = new Dictionary<string, string> { ["shape"] = "1,3,4,4611686018427387904" };
        try { model.Run(new PipelineInput(p, ReadOnlyMemory<byte>.Empty), default); Assert.Fail("ran " + model.ExecutionProvider); }
        catch (Exception e) { Assert.Fail(e.ToString()); }
    }
}
