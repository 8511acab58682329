namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// GPT-2's (and CLIP's) byte → character map: every byte becomes one visible character so that BPE symbols are plain
/// strings. Printable Latin-1 bytes (<c>!</c>–<c>~</c>, <c>¡</c>–<c>¬</c>, <c>®</c>–<c>ÿ</c>) stand for themselves; the
/// other 68 bytes, in increasing order, take U+0100, U+0101, …
/// </summary>
internal static class ByteLevelAlphabet
{
    /// <summary>The character of each byte value.</summary>
    public static IReadOnlyList<char> Characters { get; } = Build();

    private static char[] Build()
    {
        var characters = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= '¡' and <= '¬' or >= '®' and <= 'ÿ';
            characters[b] = printable ? (char)b : (char)next++;
        }

        return characters;
    }
}
