using Livepeer.Pipelines.Sources;

namespace Livepeer.Pipelines.Tests.Sources;

public sealed class FileGlobTests
{
    [Theory]
    [InlineData("*.onnx", "model.onnx", true)]
    [InlineData("*.onnx", "onnx/model.onnx", false)]
    [InlineData("**/*.onnx", "model.onnx", true)]
    [InlineData("**/*.onnx", "a/b/model.onnx", true)]
    [InlineData("**/*.onnx", "a/b/model.onnx_data", false)]
    [InlineData("onnx/", "onnx/model.onnx", true)]
    [InlineData("onnx/", "onnx/sub/weights.bin", true)]
    [InlineData("onnx/", "onnxx/model.onnx", false)]
    [InlineData("unet/model.onnx*", "unet/model.onnx_data", true)]
    [InlineData("model?.onnx", "model1.onnx", true)]
    [InlineData("model?.onnx", "model/.onnx", false)]
    [InlineData("a/**/b.txt", "a/b.txt", true)]
    [InlineData("a/**/b.txt", "a/x/y/b.txt", true)]
    [InlineData("Model.onnx", "model.onnx", false)]
    public void IsMatch_Pattern_MatchesAsDocumented(string pattern, string path, bool expected) =>
        Assert.Equal(expected, FileGlob.IsMatch(pattern, path));

    [Theory]
    [InlineData("")]
    [InlineData("/abs")]
    [InlineData("a\\b")]
    [InlineData("../up")]
    [InlineData("a/./b")]
    public void Problem_MalformedPattern_SaysWhy(string pattern) => Assert.NotNull(FileGlob.Problem(pattern));

    [Fact]
    public void Select_SeveralPatterns_UnionInOrdinalOrderAndFirstUnmatched()
    {
        var chosen = FileGlob.Select(["b.onnx", "a.onnx", "x/c.onnx", "readme.md"], ["*.onnx", "*.bin", "x/"], out var unmatched);

        Assert.Equal(["a.onnx", "b.onnx", "x/c.onnx"], chosen);
        Assert.Equal("*.bin", unmatched);
    }
}
