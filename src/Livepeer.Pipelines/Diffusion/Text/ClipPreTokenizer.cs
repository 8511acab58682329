using System.Text;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// Splits normalized text into CLIP's words, exactly as its regex
/// <c>&lt;\|startoftext\|&gt;|&lt;\|endoftext\|&gt;|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+</c>
/// finds them: the alternatives are tried in that order at each start, over Unicode code points (so a letter outside
/// the BMP is a letter), and white space between matches is skipped. Each digit is a word of its own.
/// </summary>
internal static class ClipPreTokenizer
{
    public const string StartOfText = "<|startoftext|>";
    public const string EndOfText = "<|endoftext|>";

    private static readonly string[] Contractions = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d"];

    /// <summary>
    /// Finds the next word at or after <paramref name="position"/> and moves past it; false at the end of the text.
    /// </summary>
    public static bool TryNext(ReadOnlySpan<char> text, ref int position, out Range word)
    {
        while (position < text.Length)
        {
            Rune.DecodeFromUtf16(text[position..], out var rune, out var consumed);
            if (!ClipTextNormalizer.IsWhiteSpace(rune))
                break;
            position += consumed;
        }

        if (position >= text.Length)
        {
            word = default;
            return false;
        }

        var start = position;
        position += MatchLength(text[start..]);
        word = start..position;
        return true;
    }

    private static int MatchLength(ReadOnlySpan<char> rest)
    {
        if (rest[0] == '<')
        {
            if (rest.StartsWith(StartOfText, StringComparison.Ordinal))
                return StartOfText.Length;
            if (rest.StartsWith(EndOfText, StringComparison.Ordinal))
                return EndOfText.Length;
        }
        else if (rest[0] == '\'')
        {
            foreach (var contraction in Contractions)
            {
                if (rest.StartsWith(contraction, StringComparison.Ordinal))
                    return contraction.Length;
            }
        }

        Rune.DecodeFromUtf16(rest, out var first, out var length);
        if (Rune.IsLetter(first))
            return length + RunLength(rest[length..], static r => Rune.IsLetter(r));
        if (Rune.IsNumber(first))
            return length;
        return length + RunLength(rest[length..], static r => !Rune.IsLetter(r) && !Rune.IsNumber(r) && !ClipTextNormalizer.IsWhiteSpace(r));
    }

    private static int RunLength(ReadOnlySpan<char> rest, Func<Rune, bool> belongs)
    {
        var length = 0;
        while (length < rest.Length)
        {
            Rune.DecodeFromUtf16(rest[length..], out var rune, out var consumed);
            if (!belongs(rune))
                break;
            length += consumed;
        }

        return length;
    }
}
