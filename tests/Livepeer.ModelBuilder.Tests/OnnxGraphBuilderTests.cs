using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace Livepeer.ModelBuilder.Tests;

public sealed class OnnxGraphBuilderTests
{
    private static OnnxGraphBuilder ReluGraph() =>
        new OnnxGraphBuilder("relu")
            .AddInput("x", OnnxElementType.Float, OnnxDim.Fixed(1), OnnxDim.Symbolic("n"))
            .AddOutput("y", OnnxElementType.Float, OnnxDim.Fixed(1), OnnxDim.Symbolic("n"))
            .AddNode("Relu", ["x"], ["y"]);

    [Fact]
    public void Build_ReluGraph_RunsInOnnxRuntime()
    {
        var (data, shape) = OrtRunner.Run(ReluGraph().Build(), "x", [-1.5f, 0f, 2.5f, -0.1f], [1, 4]);

        Assert.Equal([0f, 0f, 2.5f, 0f], data);
        Assert.Equal([1L, 4L], shape);
    }

    [Fact]
    public void Build_SymbolicAndFixedDims_ExposedInSessionMetadata()
    {
        using var session = new InferenceSession(ReluGraph().Build());

        var input = session.InputMetadata["x"];
        Assert.Equal(typeof(float), input.ElementType);
        Assert.Equal([1, -1], input.Dimensions);
        Assert.Equal("n", input.SymbolicDimensions[1]);
    }

    [Theory]
    [InlineData(13)]
    [InlineData(17)]
    [InlineData(OnnxGraphBuilder.MaxOpset)]
    public void Build_SupportedOpset_LoadsInOnnxRuntime(int opset)
    {
        var bytes = ReluGraph().Build(opset);

        var model = ModelProto.Parser.ParseFrom(bytes);
        Assert.Equal(opset, model.OpsetImport.Single().Version);
        using var session = new InferenceSession(bytes);
        Assert.Equal("y", session.OutputNames.Single());
    }

    [Fact]
    public void AddInitializer_FloatAdd_AddsConstant()
    {
        var bytes = new OnnxGraphBuilder("add_float")
            .AddInput("x", OnnxElementType.Float, OnnxDim.Fixed(2), OnnxDim.Fixed(2))
            .AddInitializer("k", [10f, 20f, 30f, 40f], 2, 2)
            .AddNode("Add", ["x", "k"], ["y"])
            .AddOutput("y", OnnxElementType.Float, OnnxDim.Fixed(2), OnnxDim.Fixed(2))
            .Build();

        var (data, _) = OrtRunner.Run(bytes, "x", [1f, 2f, 3f, 4f], [2, 2]);

        Assert.Equal([11f, 22f, 33f, 44f], data);
    }

    [Fact]
    public void AddInitializer_Int64Add_AddsConstant()
    {
        var bytes = new OnnxGraphBuilder("add_int64")
            .AddInput("x", OnnxElementType.Int64, OnnxDim.Fixed(3))
            .AddInitializer("k", [10L, -20L, 1L << 40], 3)
            .AddNode("Add", ["x", "k"], ["y"])
            .AddOutput("y", OnnxElementType.Int64, OnnxDim.Fixed(3))
            .Build();

        var (data, _) = OrtRunner.Run(bytes, "x", [1L, 2L, 3L], [3]);

        Assert.Equal([11L, -18L, (1L << 40) + 3], data);
    }

    [Fact]
    public void AddInitializerFloat16_Values_StoredAsLittleEndianHalfBits()
    {
        var bytes = new OnnxGraphBuilder("half")
            .AddInput("x", OnnxElementType.Float16, OnnxDim.Fixed(3))
            .AddInitializerFloat16("k", [1f, -2f, 1f / 3f], 3)
            .AddNode("Add", ["x", "k"], ["y"])
            .AddOutput("y", OnnxElementType.Float16, OnnxDim.Fixed(3))
            .Build();

        var tensor = ModelProto.Parser.ParseFrom(bytes).Graph.Initializer.Single();
        Assert.Equal((int)TensorProto.Types.DataType.Float16, tensor.DataType);
        Assert.Equal([0x00, 0x3C, 0x00, 0xC0, 0x55, 0x35], tensor.RawData.ToByteArray());

        var (data, _) = OrtRunner.Run(bytes, "x", [new Float16(0x3C00), new Float16(0), new Float16(0)], [3]);
        Assert.Equal([2f, -2f, (float)(Half)(1f / 3f)], data.Select(h => h.ToFloat()));
    }

    [Fact]
    public void AddNode_Attributes_SerializedWithOnnxTypes()
    {
        var bytes = new OnnxGraphBuilder("attrs")
            .AddInput("x", OnnxElementType.Float, OnnxDim.Fixed(1))
            .AddNode(
                "Identity",
                ["x"],
                ["y"],
                OnnxAttribute.Int("i", 7),
                OnnxAttribute.Float("f", 0.5f),
                OnnxAttribute.String("s", "nearest"),
                OnnxAttribute.Ints("is", 1, 2),
                OnnxAttribute.Floats("fs", 0.25f))
            .AddOutput("y", OnnxElementType.Float, OnnxDim.Fixed(1))
            .Build();

        var attributes = ModelProto.Parser.ParseFrom(bytes).Graph.Node.Single().Attribute;
        Assert.Equal(7, attributes[0].I);
        Assert.Equal(AttributeProto.Types.AttributeType.Float, attributes[1].Type);
        Assert.Equal(0.5f, attributes[1].F);
        Assert.Equal("nearest", attributes[2].S.ToStringUtf8());
        Assert.Equal([1L, 2L], attributes[3].Ints);
        Assert.Equal([0.25f], attributes[4].Floats);
    }

    [Fact]
    public void Save_ValidPath_WritesFileOnnxRuntimeLoads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"modelbuilder-{Guid.NewGuid():N}.onnx");
        try
        {
            ReluGraph().Save(path);

            using var session = new InferenceSession(path);
            var (data, _) = OrtRunner.Run(session, "x", [-3f, 3f], [1, 2]);
            Assert.Equal([0f, 3f], data);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
