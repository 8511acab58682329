namespace Livepeer.Pipelines;

/// <summary>The value range an image model expects its pixels in.</summary>
public static class PixelRanges
{
    /// <summary>0..1 (default).</summary>
    public const string Unit = "unit";

    /// <summary>0..255, as the ESRGAN "rdn" models expect.</summary>
    public const string Byte = "byte";
}
