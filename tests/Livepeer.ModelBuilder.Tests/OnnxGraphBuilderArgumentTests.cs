namespace Livepeer.ModelBuilder.Tests;

public sealed class OnnxGraphBuilderArgumentTests
{
    private static OnnxGraphBuilder NewBuilder() => new("g");

    [Fact]
    public void Constructor_EmptyName_Throws() =>
        Assert.Throws<ArgumentException>("graphName", () => new OnnxGraphBuilder(" "));

    [Fact]
    public void Fixed_NegativeValue_ThrowsOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>("value", () => OnnxDim.Fixed(-1));

    [Fact]
    public void Symbolic_EmptyName_Throws() =>
        Assert.Throws<ArgumentException>("name", () => OnnxDim.Symbolic(""));

    [Fact]
    public void AddInput_UnknownElementType_ThrowsOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>("type", () => NewBuilder().AddInput("x", (OnnxElementType)99, OnnxDim.Fixed(1)));

    [Fact]
    public void AddInput_DuplicateName_Throws() =>
        Assert.Throws<ArgumentException>("name", () => NewBuilder().AddInput("x", OnnxElementType.Float).AddInput("x", OnnxElementType.Float));

    [Fact]
    public void AddOutput_DuplicateName_Throws() =>
        Assert.Throws<ArgumentException>("name", () => NewBuilder().AddOutput("y", OnnxElementType.Float).AddOutput("y", OnnxElementType.Int32));

    [Fact]
    public void AddInitializer_ShapeMismatch_Throws() =>
        Assert.Throws<ArgumentException>("dims", () => NewBuilder().AddInitializer("k", [1f, 2f, 3f], 2, 2));

    [Fact]
    public void AddInitializer_NegativeDim_ThrowsOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>("dims", () => NewBuilder().AddInitializer("k", ReadOnlySpan<long>.Empty, -1));

    [Fact]
    public void AddInitializer_NameOfExistingInput_Throws() =>
        Assert.Throws<ArgumentException>("name", () => NewBuilder().AddInput("x", OnnxElementType.Float).AddInitializerFloat16("x", [1f], 1));

    [Fact]
    public void AddNode_NoOutputs_ThrowsOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>("outputs", () => NewBuilder().AddNode("Relu", ["x"], []));

    [Fact]
    public void AddNode_OutputAlreadyDefined_Throws() =>
        Assert.Throws<ArgumentException>("outputs", () => NewBuilder().AddInput("x", OnnxElementType.Float).AddNode("Relu", ["x"], ["x"]));

    [Fact]
    public void AddNode_EmptyOpType_Throws() =>
        Assert.Throws<ArgumentException>("opType", () => NewBuilder().AddNode("", ["x"], ["y"]));

    [Fact]
    public void Int_EmptyName_Throws() =>
        Assert.Throws<ArgumentException>("name", () => OnnxAttribute.Int("", 1));

    [Theory]
    [InlineData(OnnxGraphBuilder.MinOpset - 1)]
    [InlineData(OnnxGraphBuilder.MaxOpset + 1)]
    public void Build_UnsupportedOpset_ThrowsOutOfRange(int opset) =>
        Assert.Throws<ArgumentOutOfRangeException>(nameof(opset), () => NewBuilder().AddOutput("y", OnnxElementType.Float).Build(opset));

    [Fact]
    public void Build_NoOutputs_ThrowsInvalidOperation() =>
        Assert.Throws<InvalidOperationException>(() => NewBuilder().Build());
}
