using System.Globalization;

namespace Livepeer.Pipelines.Tests;

/// <summary>Input that does not fit the model is the caller's fault: an <see cref="InvalidPipelineInputException"/>, never a crash.</summary>
public sealed class TensorModelInputTests(UpscalerFixture fixture) : IClassFixture<UpscalerFixture>
{
    private const int ImageBytes = 3 * 8 * 8 * sizeof(float);

    private InvalidPipelineInputException Reject(PipelineInput input) =>
        Assert.Throws<InvalidPipelineInputException>(() => fixture.Model.Run(input, CancellationToken.None));

    [Fact]
    public void Run_NoShapeParameter_Rejected()
    {
        var input = new PipelineInput(new Dictionary<string, string>(StringComparer.Ordinal) { ["scale"] = "2" }, new byte[ImageBytes]);

        var error = Reject(input);

        Assert.Contains("'shape' is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,3,x,8")]
    [InlineData("0,3,8,8")]
    [InlineData("1,3,0,8")]
    [InlineData("-1")]
    [InlineData("1,3,-8,8")]
    [InlineData("1,3,+8,8")]
    [InlineData("1,3,8.0,8")]
    [InlineData("1,3,8,8,")]
    [InlineData("1;3;8;8")]
    [InlineData("")]
    [InlineData("1,3,8,99999999999999999999")]
    public void Run_MalformedShape_RejectedQuotingIt(string shape)
    {
        var error = Reject(Tensors.Input(shape, new byte[ImageBytes]));

        Assert.Equal($"'shape' must be positive integers separated by commas, not '{shape}'.", error.Message);
    }

    [Theory]
    [InlineData("64", 1)]
    [InlineData("3,8,8", 3)]
    [InlineData("1,1,3,8,8", 5)]
    public void Run_WrongRank_RejectedNamingBothRanks(string shape, int rank)
    {
        var error = Reject(Tensors.Input(shape, new byte[ImageBytes]));

        Assert.Contains($"has rank 4; shape [{shape}] has rank {rank}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'image'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,4,8,8", "dimension 1 = 3, not 4")]
    [InlineData("1,1,8,8", "dimension 1 = 3, not 1")]
    [InlineData("2,3,8,8", "dimension 0 = 1, not 2")]
    public void Run_FixedDimensionMismatch_RejectedNamingDimension(string shape, string expected)
    {
        var error = Reject(Tensors.Input(shape, new byte[4 * 8 * 8 * sizeof(float)]));

        Assert.Contains($"Input 'image' needs {expected}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ImageBytes - 1)]
    [InlineData(ImageBytes + 1)]
    [InlineData(ImageBytes - sizeof(float))]
    [InlineData(2 * ImageBytes)]
    public void Run_DataLengthNotMatchingShape_RejectedWithBothLengths(int length)
    {
        var error = Reject(Tensors.Input("1,3,8,8", new byte[length]));

        Assert.Equal($"Shape [1,3,8,8] needs {ImageBytes} bytes of float32 data, got {length}.", error.Message);
    }

    [Fact]
    public void Run_ShapeAboveMaxElements_RejectedBeforeReadingData()
    {
        const long height = 4096;
        var width = (TensorShape.MaxElements / (3 * height)) + 1;
        var shape = string.Create(CultureInfo.InvariantCulture, $"1,3,{height},{width}");

        var error = Reject(Tensors.Input(shape, []));

        Assert.Contains($"[{shape}] exceeds {TensorShape.MaxElements} elements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ShapeAtMaxElementsWithoutData_RejectedForDataLength()
    {
        // Exactly at the limit passes the size check; the (missing) data then decides.
        const long height = 4096;
        var width = TensorShape.MaxElements / (3 * height);
        Assert.True(3 * height * width <= TensorShape.MaxElements);

        var error = Reject(Tensors.Input(string.Create(CultureInfo.InvariantCulture, $"1,3,{height},{width}"), new byte[16]));

        Assert.Contains("bytes of float32 data, got 16", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,3,4,4611686018427387904", 0)] // 12 * 2^62 wraps to 0 elements
    [InlineData("1,3,6148914691236517206,8", 64)] // 3 * (2^64 + 2) / 3 wraps to 2, times 8 is 16 elements
    public void Run_ShapeOverflowingInt64_Rejected(string shape, int dataBytes)
    {
        var error = Reject(Tensors.Input(shape, new byte[dataBytes]));

        Assert.Contains("exceeds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CancelledToken_ThrowsOperationCanceledAndModelStillRuns()
    {
        var input = Tensors.Input("1,3,8,8", Tensors.ToBytes(Tensors.RandomImage(8, 8, seed: 8)));

        Assert.ThrowsAny<OperationCanceledException>(() => fixture.Model.Run(input, new CancellationToken(canceled: true)));

        Assert.Equal("1,3,16,16", fixture.Model.Run(input, CancellationToken.None).Metadata["shape"]);
    }

    [Fact]
    public void Run_AfterRejectedInputs_StillServesValidInput()
    {
        Reject(Tensors.Input("1,4,8,8", new byte[ImageBytes]));
        Reject(Tensors.Input("1,3,8,8", new byte[1]));
        Reject(Tensors.Input("nonsense", []));

        var output = fixture.Model.Run(Tensors.Input("1,3,8,8", new byte[ImageBytes]), CancellationToken.None);

        Assert.Equal("1,3,16,16", output.Metadata["shape"]);
    }
}
