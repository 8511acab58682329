using System.Collections.Immutable;
using Livepeer.ModelBuilder;
using Microsoft.ML.OnnxRuntime;

namespace Livepeer.Pipelines.Tests;

/// <summary>Model folders that pass the manifest checks but cannot run: an <see cref="InvalidModelException"/> naming the model or file.</summary>
public sealed class ModelLoadFailureTests : IDisposable
{
    private static readonly ComputeDevice Cpu = new(DeviceKind.Cpu, 0, 1);
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>A folder with <paramref name="modelBytes"/> as model.onnx and a valid manifest.</summary>
    private InstalledModel WriteFolder(byte[] modelBytes, string family = ModelFamilies.OnnxTensor)
    {
        var folder = temp.Combine("acme", "model");
        temp.WriteFile(Path.Combine(folder, "model.onnx"), modelBytes);
        new ModelManifest
        {
            Id = "acme/model",
            Family = family,
            Pipelines = [PipelineNames.Upscale],
            MemoryBytes = 1024,
            Files = ImmutableDictionary<string, string>.Empty.Add("model", "model.onnx"),
        }.Save(folder);
        return new InstalledModel(folder, ModelManifest.Load(folder));
    }

    [Fact]
    public void Load_RandomBytesAsModel_ThrowsNamingFile()
    {
        var bytes = new byte[4096];
        new Random(17).NextBytes(bytes);
        var installed = WriteFolder(bytes);

        var error = Assert.Throws<InvalidModelException>(() => new OnnxModelLoader().Load(installed, Cpu, CancellationToken.None));

        Assert.Contains($"'{Path.Combine(installed.Folder, "model.onnx")}'", error.Message, StringComparison.Ordinal);
        Assert.IsType<OnnxRuntimeException>(error.InnerException);
    }

    [Fact]
    public void Load_TruncatedModel_ThrowsNamingFile()
    {
        var model = TinyUpscaler.Build(new TinyUpscalerSpec { HiddenChannels = 4 });
        var installed = WriteFolder(model[..(model.Length / 2)]);

        var error = Assert.Throws<InvalidModelException>(() => new OnnxModelLoader().Load(installed, Cpu, CancellationToken.None));

        Assert.Contains(Path.Combine(installed.Folder, "model.onnx"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TwoInputGraph_ThrowsNamingModel()
    {
        var graph = new OnnxGraphBuilder("two_inputs")
            .AddInput("a", OnnxElementType.Float, OnnxDim.Fixed(4))
            .AddInput("b", OnnxElementType.Float, OnnxDim.Fixed(4))
            .AddOutput("sum", OnnxElementType.Float, OnnxDim.Fixed(4))
            .AddNode("Add", ["a", "b"], ["sum"])
            .Build();
        var installed = WriteFolder(graph);

        var error = Assert.Throws<InvalidModelException>(() => new OnnxModelLoader().Load(installed, Cpu, CancellationToken.None));

        Assert.Contains("'acme/model'", error.Message, StringComparison.Ordinal);
        Assert.Contains("exactly one input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IntegerInputGraph_ThrowsNamingInputAndType()
    {
        var graph = new OnnxGraphBuilder("int_input")
            .AddInput("tokens", OnnxElementType.Int64, OnnxDim.Fixed(1), OnnxDim.Symbolic("length"))
            .AddOutput("same", OnnxElementType.Int64, OnnxDim.Fixed(1), OnnxDim.Symbolic("length"))
            .AddNode("Identity", ["tokens"], ["same"])
            .Build();
        var installed = WriteFolder(graph);

        var error = Assert.Throws<InvalidModelException>(() => new OnnxModelLoader().Load(installed, Cpu, CancellationToken.None));

        Assert.Contains("input 'tokens'", error.Message, StringComparison.Ordinal);
        Assert.Contains("only float and float16 are supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestLoad_FamilyWithoutRunner_RejectedNamingFamily()
    {
        var installed = WriteFolder(TinyUpscaler.Build(new TinyUpscalerSpec { HiddenChannels = 4 }));
        (installed.Manifest with { Family = "diffusers" }).Save(installed.Folder);

        var error = Assert.Throws<InvalidModelException>(() => ModelManifest.Load(installed.Folder));

        Assert.Equal(
            $"Model manifest '{Path.Combine(installed.Folder, ModelManifest.FileName)}': unknown family 'diffusers' (known: onnx-tensor, onnx-upscaler, stable-diffusion, stable-diffusion-xl, stable-video-diffusion).",
            error.Message);
    }

    [Fact]
    public void Load_HandBuiltManifestWithFamilyWithoutRunner_ThrowsNamingModelAndFamily()
    {
        // Only a manifest built in code can get past ModelManifest.Load's family check.
        var installed = WriteFolder(TinyUpscaler.Build(new TinyUpscalerSpec { HiddenChannels = 4 }));
        var unchecked_ = installed with { Manifest = installed.Manifest with { Family = "diffusers" } };

        var error = Assert.Throws<InvalidModelException>(() => new OnnxModelLoader().Load(unchecked_, Cpu, CancellationToken.None));

        Assert.Equal("Model 'acme/model': family 'diffusers' has no runner.", error.Message);
    }

    [Fact]
    public void Load_EveryKnownFamily_HasARunner()
    {
        var installed = WriteFolder(TinyUpscaler.Build(new TinyUpscalerSpec { HiddenChannels = 4 }));

        foreach (var family in ModelFamilies.All)
        {
            var model = family switch
            {
                ModelFamilies.StableDiffusion or ModelFamilies.StableDiffusionXl => Diffusion(family == ModelFamilies.StableDiffusionXl),
                ModelFamilies.StableVideoDiffusion => VideoDiffusion(),
                _ => installed with { Manifest = installed.Manifest with { Family = family } },
            };
            using var loaded = new OnnxModelLoader().Load(model, Cpu, CancellationToken.None);
            loaded.WarmUp(CancellationToken.None);
        }

        InstalledModel Diffusion(bool xl)
        {
            var path = TinyDiffusionFolder.Write(Path.GetDirectoryName(installed.Folder)!, $"sd-{xl}", new TinyDiffusionSpec { Xl = xl });
            return new InstalledModel(path, ModelManifest.Load(path));
        }

        InstalledModel VideoDiffusion()
        {
            var path = TinyVideoDiffusionFolder.Write(Path.GetDirectoryName(installed.Folder)!, "svd", new TinyVideoDiffusionSpec { Frames = 2 });
            return new InstalledModel(path, ModelManifest.Load(path));
        }
    }
}
