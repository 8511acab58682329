using System.Text;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// CLIP's text clean-up before pre-tokenization: HTML entities decoded twice (as CLIP calls <c>html.unescape</c>
/// twice), the parts of ftfy's default fix that change prompts (control characters dropped, curly quotes, Latin
/// ligatures and full-width ASCII made plain), white-space runs collapsed to one space and trimmed, then Python's
/// lower case.
/// Unicode NFC is not applied: with invariant globalization <see cref="string.Normalize()"/> leaves text unchanged.
/// </summary>
internal static class ClipTextNormalizer
{
    private static readonly (string Name, string Value, bool SemicolonOptional)[] NamedEntities =
    [
        ("amp", "&", true),
        ("lt", "<", true),
        ("gt", ">", true),
        ("quot", "\"", true),
        ("nbsp", "\u00A0", true),
        ("apos", "'", false),
    ];

    /// <summary>Cleans <paramref name="text"/> as CLIP does before splitting it into words.</summary>
    public static string Normalize(string text)
    {
        var unescaped = UnescapeHtml(UnescapeHtml(text));
        var output = new StringBuilder(unescaped.Length);
        var pendingSpace = false;
        List<int>? sigmas = null;
        var input = unescaped.AsSpan();
        while (!input.IsEmpty)
        {
            Rune.DecodeFromUtf16(input, out var rune, out var consumed);
            input = input[consumed..];
            // ftfy runs before CLIP's white-space clean-up, so a control character it drops never separates words.
            if (IsRemovedControl(rune))
                continue;
            if (IsWhiteSpace(rune))
            {
                pendingSpace = output.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                output.Append(' ');
                pendingSpace = false;
            }

            if (rune.Value == PythonLowerCase.CapitalSigma)
                (sigmas ??= []).Add(output.Length);
            AppendLowerCase(output, rune);
        }

        if (sigmas is not null)
            PythonLowerCase.FinishSigmas(output, sigmas);
        return output.ToString();
    }

    /// <summary>Python's <c>\s</c> for text: Unicode white space plus the four information separators U+001C–U+001F.</summary>
    public static bool IsWhiteSpace(Rune rune) => Rune.IsWhiteSpace(rune) || rune.Value is >= 0x1C and <= 0x1F;

    // The characters ftfy's remove_control_chars drops; tab, line feed, form feed and carriage return stay as white
    // space.
    private static bool IsRemovedControl(Rune rune) =>
        rune.Value is <= 0x08 or 0x0B or (>= 0x0E and <= 0x1F) or 0x7F or (>= 0x206A and <= 0x206F) or 0xFEFF
            or (>= 0xFFF9 and <= 0xFFFC);

    private static void AppendLowerCase(StringBuilder output, Rune rune)
    {
        switch (rune.Value)
        {
            // ftfy's uncurl_quotes: typographic quotes become ASCII, so "it’s" splits like "it's".
            case 0x02BC or (>= 0x2018 and <= 0x201B):
                output.Append('\'');
                return;
            case >= 0x201C and <= 0x201F:
                output.Append('"');
                return;
            // ftfy's fix_character_width for full-width ASCII ("ｃａｔ" is "cat").
            case >= 0xFF01 and <= 0xFF5E:
                output.Append(char.ToLowerInvariant((char)(rune.Value - 0xFEE0)));
                return;
            default:
                var ligature = Ligature(rune.Value);
                if (ligature is null)
                    PythonLowerCase.Append(output, rune);
                else
                    output.Append(ligature);
                return;
        }
    }

    // ftfy's fix_latin_ligatures, already in lower case.
    private static string? Ligature(int value) => value switch
    {
        0x0132 or 0x0133 => "ij",
        0xFB00 => "ff",
        0xFB01 => "fi",
        0xFB02 => "fl",
        0xFB03 => "ffi",
        0xFB04 => "ffl",
        0xFB05 => "\u017Ft",
        0xFB06 => "st",
        _ => null,
    };

    /// <summary>
    /// Decodes numeric character references (<c>&amp;#39;</c>, <c>&amp;#x1F600;</c>, the semicolon optional as in
    /// HTML) and the entities prompts actually carry: amp, lt, gt, quot, apos and nbsp.
    /// </summary>
    public static string UnescapeHtml(string text)
    {
        var ampersand = text.IndexOf('&', StringComparison.Ordinal);
        if (ampersand < 0)
            return text;
        var output = new StringBuilder(text.Length);
        output.Append(text, 0, ampersand);
        var position = ampersand;
        while (position < text.Length)
        {
            if (text[position] == '&' && TryDecodeEntity(text.AsSpan(position + 1), out var decoded, out var length))
            {
                output.Append(decoded);
                position += 1 + length;
            }
            else
            {
                output.Append(text[position]);
                position++;
            }
        }

        return output.ToString();
    }

    /// <summary>Decodes the entity after an ampersand; <paramref name="length"/> counts what it used, semicolon included.</summary>
    private static bool TryDecodeEntity(ReadOnlySpan<char> rest, out string decoded, out int length)
    {
        if (rest.Length > 1 && rest[0] == '#')
            return TryDecodeNumeric(rest[1..], out decoded, out length);
        foreach (var (name, value, semicolonOptional) in NamedEntities)
        {
            if (!rest.StartsWith(name, StringComparison.Ordinal))
                continue;
            var semicolon = rest.Length > name.Length && rest[name.Length] == ';';
            if (!semicolon && !semicolonOptional)
                break;
            decoded = value;
            length = name.Length + (semicolon ? 1 : 0);
            return true;
        }

        decoded = string.Empty;
        length = 0;
        return false;
    }

    private static bool TryDecodeNumeric(ReadOnlySpan<char> rest, out string decoded, out int length)
    {
        var hex = rest[0] is 'x' or 'X';
        var digits = hex ? rest[1..] : rest;
        var count = 0;
        long value = 0;
        while (count < digits.Length && IsDigit(digits[count], hex))
        {
            // Past U+10FFFF the value only has to stay invalid, not exact.
            value = Math.Min(value * (hex ? 16 : 10) + HexValue(digits[count]), 0x110000);
            count++;
        }

        decoded = string.Empty;
        length = 0;
        if (count == 0)
            return false;
        length = 1 + (hex ? 1 : 0) + count;
        if (count < digits.Length && digits[count] == ';')
            length++;
        // As Python's html.unescape: NUL, surrogates and values beyond Unicode become the replacement character.
        var valid = value is > 0 and <= 0x10FFFF && !(value is >= 0xD800 and <= 0xDFFF);
        decoded = valid ? char.ConvertFromUtf32((int)value) : "\uFFFD";
        return true;
    }

    private static bool IsDigit(char c, bool hex) => hex ? char.IsAsciiHexDigit(c) : char.IsAsciiDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
