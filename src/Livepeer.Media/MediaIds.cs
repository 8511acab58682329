using System.Security.Cryptography;

namespace Livepeer.Media;

/// <summary>Request ids and file names of stored media: 8 lower-case hex characters, as go-livepeer's <c>RandomManifestID</c>.</summary>
public static class MediaIds
{
    /// <summary>Characters in an id.</summary>
    public const int Length = 8;

    /// <summary>A new id from the cryptographic random number generator.</summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[Length / 2];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>A new file name, <c>&lt;id&gt;.&lt;extension&gt;</c>, for media of <paramref name="format"/>.</summary>
    public static string NewFileName(MediaFormat format)
    {
        if (format == MediaFormat.Unknown)
            throw new ArgumentException("A stored file needs a known format.", nameof(format));
        return $"{NewId()}.{MediaFormats.Extension(format)}";
    }

    /// <summary>Whether <paramref name="id"/> is exactly 8 lower-case hex characters.</summary>
    public static bool IsValidId(string? id) => id is not null && IsId(id);

    /// <summary>
    /// Whether <paramref name="fileName"/> is an id, a dot and a known extension; nothing else can name a file,
    /// which keeps the <c>/stream</c> route inside the store's root.
    /// </summary>
    public static bool IsValidFileName(string? fileName) =>
        fileName is not null &&
        fileName.Length > Length + 1 &&
        fileName[Length] == '.' &&
        IsId(fileName.AsSpan(0, Length)) &&
        MediaFormats.FromExtension(fileName.AsSpan(Length + 1)) != MediaFormat.Unknown;

    private static bool IsId(ReadOnlySpan<char> id)
    {
        if (id.Length != Length)
            return false;
        foreach (var c in id)
        {
            if (!char.IsAsciiHexDigitLower(c))
                return false;
        }
        return true;
    }
}
