namespace Livepeer.Media;

/// <summary>Caps applied to untrusted images before and while decoding them.</summary>
public sealed record ImageLimits
{
    private const int BytesPerMebibyte = 1024 * 1024;

    /// <summary>The defaults: 4096×4096 pixels, 20 MiB, 8192 pixels per side, 80 MiB per buffer.</summary>
    public static ImageLimits Default { get; } = new();

    /// <summary>Largest width × height accepted; default 4096 × 4096.</summary>
    public long MaxPixels
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPixels), value, "Must be positive.");
    } = 4096L * 4096;

    /// <summary>Largest encoded size in bytes accepted; default 20 MiB.</summary>
    public long MaxBytes
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxBytes), value, "Must be positive.");
    } = 20L * BytesPerMebibyte;

    /// <summary>Largest width or height accepted; default 8192.</summary>
    public int MaxDimension
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxDimension), value, "Must be positive.");
    } = 8192;

    /// <summary>
    /// ImageSharp's per-buffer allocation cap in MiB; default 5 bytes × <see cref="MaxPixels"/> rounded up
    /// (80 MiB for the default pixel cap).
    /// </summary>
    /// <remarks>
    /// 4 bytes per pixel covers the largest whole-image buffer the enabled decoders allocate for an image within
    /// <see cref="MaxPixels"/> (the ARGB buffer of lossless WebP); the fifth byte is headroom for JPEG MCU and row padding.
    /// It is a second line of defence: <see cref="ImageCodec.Identify"/> already rejects oversized headers.
    /// </remarks>
    public int AllocationLimitMegabytes
    {
        get => field > 0 ? field : (int)Math.Min(int.MaxValue, (MaxPixels * 5 + BytesPerMebibyte - 1) / BytesPerMebibyte);
        init => field = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(AllocationLimitMegabytes), value, "Must be positive.");
    }
}
