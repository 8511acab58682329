using Livepeer.Media;

namespace Livepeer.Pipelines.Tests.Upscale;

/// <summary>The tile plan: every pixel in exactly one core, each context the core plus clipped padding.</summary>
public sealed class UpscaleTilesTests
{
    [Theory]
    [InlineData(1, 1, 256, 16)]
    [InlineData(100, 37, 16, 4)]
    [InlineData(64, 64, 32, 0)]
    [InlineData(65, 33, 32, 40)]
    public void Plan_CoresCoverTheImageOnce_ContextsAddClippedPadding(int width, int height, int tileSize, int padding)
    {
        var tiles = UpscaleTiles.Plan(width, height, tileSize, padding);

        var covered = new int[width * height];
        foreach (var (core, context) in tiles)
        {
            Assert.InRange(core.Width, 1, tileSize);
            Assert.InRange(core.Height, 1, tileSize);
            Assert.Equal(Math.Max(0, core.X - padding), context.X);
            Assert.Equal(Math.Max(0, core.Y - padding), context.Y);
            Assert.Equal(Math.Min(width, core.Right + padding), context.Right);
            Assert.Equal(Math.Min(height, core.Bottom + padding), context.Bottom);
            for (var y = core.Y; y < core.Bottom; y++)
            {
                for (var x = core.X; x < core.Right; x++) covered[y * width + x]++;
            }
        }

        Assert.All(covered, count => Assert.Equal(1, count));
        Assert.Equal(((width + tileSize - 1) / tileSize) * ((height + tileSize - 1) / tileSize), tiles.Count);
    }

    [Fact]
    public void Plan_RowsThenColumns()
    {
        var tiles = UpscaleTiles.Plan(5, 3, 2, 1);

        Assert.Equal(new PixelRect(0, 0, 2, 2), tiles[0].Core);
        Assert.Equal(new PixelRect(2, 0, 2, 2), tiles[1].Core);
        Assert.Equal(new PixelRect(4, 0, 1, 2), tiles[2].Core);
        Assert.Equal(new PixelRect(0, 2, 2, 1), tiles[3].Core);
        Assert.Equal(new PixelRect(1, 0, 4, 3), tiles[1].Context);
    }

    [Fact]
    public void Plan_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UpscaleTiles.Plan(0, 1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => UpscaleTiles.Plan(1, 1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => UpscaleTiles.Plan(1, 1, 1, -1));
    }
}
