using Livepeer.Media;

namespace Livepeer.Pipelines;

/// <summary>
/// One tile of an upscale: the <see cref="Core"/> rectangle whose output is kept, and the larger <see cref="Context"/>
/// rectangle (the core plus up to <c>padding</c> pixels on each side, clipped to the image) that the model sees, so
/// convolutions near the core's border read real neighbours instead of the tile's edge and no seam shows.
/// </summary>
internal readonly record struct UpscaleTile(PixelRect Core, PixelRect Context);

/// <summary>Splits an image into <see cref="UpscaleTile"/>s: a grid of cores at most <c>tileSize</c> wide and high.</summary>
internal static class UpscaleTiles
{
    public static List<UpscaleTile> Plan(int width, int height, int tileSize, int padding)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileSize);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);

        var tiles = new List<UpscaleTile>();
        for (var y = 0; y < height; y += tileSize)
        {
            var coreHeight = Math.Min(tileSize, height - y);
            var top = Math.Max(0, y - padding);
            var bottom = Math.Min(height, y + coreHeight + padding);
            for (var x = 0; x < width; x += tileSize)
            {
                var coreWidth = Math.Min(tileSize, width - x);
                var left = Math.Max(0, x - padding);
                var right = Math.Min(width, x + coreWidth + padding);
                tiles.Add(new UpscaleTile(new PixelRect(x, y, coreWidth, coreHeight), new PixelRect(left, top, right - left, bottom - top)));
            }
        }

        return tiles;
    }
}
