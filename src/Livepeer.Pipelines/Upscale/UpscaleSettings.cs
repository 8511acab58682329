namespace Livepeer.Pipelines;

/// <summary>
/// How an upscaler model is tiled, from its manifest's <c>defaults</c>: <c>tile_size</c> (input pixels per tile side,
/// default 256), <c>tile_padding</c> (context pixels around each tile, default 16) and optionally <c>scale</c> (the
/// model's factor; learned from the first tile when absent). A model whose input has a fixed height and width is run on
/// tiles of exactly that size instead, its padding included.
/// </summary>
internal sealed record UpscaleSettings(int TileSize, int TilePadding, int? FixedHeight, int? FixedWidth, int? Scale)
{
    public const int DefaultTileSize = 256;
    public const int DefaultTilePadding = 16;
    private const int MaxTileSize = 4096;
    private const int MaxScale = 16;

    public static UpscaleSettings From(ModelManifest manifest, int[] inputDims)
    {
        var defaults = new ManifestDefaults(manifest);
        var tileSize = defaults.Int("tile_size", DefaultTileSize, 1, MaxTileSize);
        var padding = defaults.Int("tile_padding", DefaultTilePadding, 0, MaxTileSize);
        int? scale = manifest.Defaults.ContainsKey("scale") ? defaults.Int("scale", 0, 1, MaxScale) : null;
        if (inputDims is not [_, _, var height, var width])
            throw new InvalidModelException($"Model '{manifest.Id}': an upscaler takes a 1x3xHxW input, not rank {inputDims.Length}.");

        int? fixedHeight = height > 0 ? height : null;
        int? fixedWidth = width > 0 ? width : null;
        var smallestFixed = Math.Min(fixedHeight ?? int.MaxValue, fixedWidth ?? int.MaxValue);
        if (smallestFixed != int.MaxValue)
        {
            // A fixed input must hold a core of at least one pixel plus the context on both sides.
            if (smallestFixed <= 2 * padding)
                throw new InvalidModelException($"Model '{manifest.Id}': input {height}x{width} leaves no room for tile_padding {padding} on both sides.");
            tileSize = Math.Min(tileSize, smallestFixed - 2 * padding);
        }

        return new UpscaleSettings(tileSize, padding, fixedHeight, fixedWidth, scale);
    }
}
