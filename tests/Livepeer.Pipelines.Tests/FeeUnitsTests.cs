using System.Collections.Immutable;
using Livepeer.Media;

namespace Livepeer.Pipelines.Tests;

/// <summary>One table of units for the gateway's estimate and the orchestrator's hold (go-livepeer-orchestration.md §5.2).</summary>
public sealed class FeeUnitsTests
{
    private static readonly byte[] Png = ImageCodec.EncodePng(new RgbImage(40, 30, new byte[40 * 30 * 3]));

    [Theory]
    [InlineData(PipelineNames.TextToImage, "width=64;height=48;num_images_per_prompt=2", 64 * 48 * 2)]
    [InlineData(PipelineNames.TextToImage, "", 512 * 512)]
    [InlineData(PipelineNames.TextToImage, "num_images_per_prompt=0", 512 * 512)]
    [InlineData(PipelineNames.ImageToVideo, "width=1024;height=576", 1024 * 576 * 25)]
    [InlineData(PipelineNames.Llm, "max_tokens=100", 100)]
    [InlineData(PipelineNames.Llm, "", 256)]
    [InlineData(PipelineNames.AudioToText, "duration_ms=2500", 2000)]
    [InlineData(PipelineNames.Upscale, "shape=1,3,8,6", 48)]
    public void Estimate_FromParameters(string pipeline, string parameters, long units) =>
        Assert.Equal(units, FeeUnits.Estimate(pipeline, Parse(parameters), ReadOnlyMemory<byte>.Empty));

    [Theory]
    [InlineData(PipelineNames.Upscale, 1200)]
    [InlineData(PipelineNames.SegmentAnything2, 1200)]
    [InlineData(PipelineNames.ImageToText, 1200)]
    public void Estimate_ImagePipelines_InputPixels(string pipeline, long units) =>
        Assert.Equal(units, FeeUnits.Estimate(pipeline, ImmutableDictionary<string, string>.Empty, Png));

    [Fact]
    public void Estimate_ImageToImage_InputPixelsTimesImages() =>
        Assert.Equal(1200 * 3, FeeUnits.Estimate(PipelineNames.ImageToImage, Parse("num_images_per_prompt=3"), Png));

    [Fact]
    public void Estimate_NotAnImage_ZeroUnitsRatherThanAnError() =>
        Assert.Equal(0, FeeUnits.Estimate(PipelineNames.Upscale, ImmutableDictionary<string, string>.Empty, new byte[] { 1, 2, 3 }));

    [Theory]
    [InlineData("hello", 5)]
    [InlineData("héllo", 5)]
    [InlineData("日本語", 3)]
    [InlineData("🎉🎉", 2)]
    public void Estimate_TextToSpeech_CharactersNotBytes(string text, long units) =>
        Assert.Equal(units, FeeUnits.Estimate(PipelineNames.TextToSpeech, Parse($"text={text}"), ReadOnlyMemory<byte>.Empty));

    private static ImmutableDictionary<string, string> Parse(string parameters) =>
        parameters.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToImmutableDictionary(p => p[0], p => p[1]);
}
