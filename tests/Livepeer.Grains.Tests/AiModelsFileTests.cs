using Livepeer.Grains.Orchestration;

namespace Livepeer.Grains.Tests;

public sealed class AiModelsFileTests
{
    [Fact]
    public void Parse_GoLivepeerExample_ReadsEveryField()
    {
        var models = AiModelsFile.Parse("""
            [
              { "pipeline": "text-to-image", "model_id": "SG161222/RealVisXL_V4.0_Lightning", "price_per_unit": 4768371, "warm": true },
              { "pipeline": "upscale", "model_id": "stabilityai/stable-diffusion-x4-upscaler",
                "price_per_unit": 0.5e-2, "pixels_per_unit": 3, "currency": "USD", "capacity": 2,
                "optimization_flags": { "SFAST": true } }
            ]
            """);

        var t2i = Assert.Single(models, m => m.Pipeline == "text-to-image");
        Assert.True(t2i.Warm);
        Assert.Equal(1, t2i.Capacity);
        Assert.Equal(4768371m, t2i.PricePerUnit);
        Assert.Equal(1, t2i.PixelsPerUnit);
        Assert.Equal("wei", t2i.Currency);
        Assert.Equal(AiModelsFile.DefaultGateway, t2i.Gateway);
        var upscale = Assert.Single(models, m => m.Pipeline == "upscale");
        Assert.Equal(0.005m, upscale.PricePerUnit);
        Assert.Equal(3, upscale.PixelsPerUnit);
        Assert.Equal("USD", upscale.Currency);
        Assert.Equal(2, upscale.Capacity);
    }

    [Fact]
    public void Parse_SameModelTwice_AddsCapacity()
    {
        var models = AiModelsFile.Parse("""
            [ { "pipeline": "upscale", "model_id": "m", "capacity": 2 }, { "pipeline": "upscale", "model_id": "m", "capacity": 3 } ]
            """);

        Assert.Equal(5, Assert.Single(models).Capacity);
    }

    [Theory]
    [InlineData("""[ { "pipeline": "text-to-sound", "model_id": "m" } ]""", "entry 0 'pipeline': unknown pipeline 'text-to-sound'")]
    [InlineData("""[ { "pipeline": "upscale", "model_id": "m", "capacity": -1 } ]""", "entry 0 'capacity': must be a positive integer, got -1")]
    [InlineData("""[ { "pipeline": "upscale", "model_id": "m", "price_per_unit": "0.5e-2USD" } ]""", "entry 0 'price_per_unit': must be a JSON number")]
    [InlineData("""[ { "pipeline": "upscale" } ]""", "entry 0 'model_id': is required")]
    [InlineData("""[ { "pipeline": "upscale", "model_id": "m", "pixels_per_unit": 0 } ]""", "entry 0 'pixels_per_unit': must be a positive integer")]
    [InlineData("""[ { "pipeline": "upscale", "model_id": "m", "url": "http://127.0.0.1:9000" } ]""", "entry 0 'url': external runners are not supported")]
    [InlineData("""[ { "pipeline": "upscale", "model_id": "m", "warm": true }, { "pipeline": "upscale", "model_id": "m", "warm": false } ]""", "entry 1 'warm': model 'm' is listed both warm and cold")]
    [InlineData("""{ "pipeline": "upscale" }""", "must be a JSON array")]
    [InlineData("""[ { "pipeline": "upscale", """, "not valid JSON")]
    public void Parse_BadEntry_NamesEntryAndField(string json, string expected)
    {
        var error = Assert.Throws<AiModelsException>(() => AiModelsFile.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_NamesThePath()
    {
        var error = Assert.Throws<AiModelsException>(() => AiModelsFile.Load("/nonexistent/aiModels.json"));

        Assert.Contains("/nonexistent/aiModels.json", error.Message, StringComparison.Ordinal);
    }
}
