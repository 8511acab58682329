using System.Globalization;
using System.Text;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// Python's <c>str.lower()</c> where it differs from .NET's invariant lower case: İ (U+0130) becomes i and a combining
/// dot above, and a capital sigma that ends a word becomes the final sigma ς (Unicode's Final_Sigma condition).
/// </summary>
internal static class PythonLowerCase
{
    /// <summary>Σ, whose lower case depends on its neighbours; see <see cref="FinishSigmas"/>.</summary>
    public const int CapitalSigma = 0x03A3;

    // Word_Break MidLetter, MidNumLet and Single_Quote characters, which Unicode counts as case-ignorable.
    private const string WordMiddles = "'.:\u00B7\u0387\u055F\u05F4\u2018\u2019\u2024\u2027\uFE13\uFE52\uFE55\uFF07\uFF0E\uFF1A";

    /// <summary>Appends the lower case of <paramref name="rune"/>; a capital sigma becomes σ until <see cref="FinishSigmas"/>.</summary>
    public static void Append(StringBuilder output, Rune rune)
    {
        if (rune.Value == 0x0130)
            output.Append("i\u0307");
        else
            output.Append(Rune.ToLowerInvariant(rune));
    }

    /// <summary>Turns the σ at each of <paramref name="positions"/> (where a Σ was lowered) into ς where it ends a word.</summary>
    public static void FinishSigmas(StringBuilder text, List<int> positions)
    {
        foreach (var index in positions)
        {
            if (IsFinal(text, index))
                text[index] = 'ς';
        }
    }

    // Final_Sigma: a cased letter before (past case-ignorable characters) and none after.
    private static bool IsFinal(StringBuilder text, int index)
    {
        var before = index;
        Rune rune;
        do
        {
            if (before == 0)
                return false;
            rune = RuneEndingAt(text, before - 1);
            before -= rune.Utf16SequenceLength;
        }
        while (IsCaseIgnorable(rune));
        if (!IsCased(rune))
            return false;

        var after = index + 1;
        do
        {
            if (after == text.Length)
                return true;
            rune = RuneStartingAt(text, after);
            after += rune.Utf16SequenceLength;
        }
        while (IsCaseIgnorable(rune));
        return !IsCased(rune);
    }

    private static Rune RuneStartingAt(StringBuilder text, int index) =>
        index + 1 < text.Length && char.IsSurrogatePair(text[index], text[index + 1])
            ? new Rune(text[index], text[index + 1])
            : AsRune(text[index]);

    private static Rune RuneEndingAt(StringBuilder text, int index) =>
        index > 0 && char.IsSurrogatePair(text[index - 1], text[index])
            ? new Rune(text[index - 1], text[index])
            : AsRune(text[index]);

    // Normalized text has no lone surrogates; should one reach here it counts as neither cased nor ignorable.
    private static Rune AsRune(char c) => Rune.TryCreate(c, out var rune) ? rune : Rune.ReplacementChar;

    // Cased letters, and the symbols and numerals with a case pair (Ⓐ, Ⅻ) that Unicode also counts as cased.
    private static bool IsCased(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        || Rune.ToLowerInvariant(rune) != rune || Rune.ToUpperInvariant(rune) != rune;

    private static bool IsCaseIgnorable(Rune rune) =>
        (rune.IsBmp && WordMiddles.Contains((char)rune.Value, StringComparison.Ordinal)) || Rune.GetUnicodeCategory(rune)
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
}
