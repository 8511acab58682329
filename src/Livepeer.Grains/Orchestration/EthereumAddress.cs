using System.Diagnostics.CodeAnalysis;

namespace Livepeer.Grains.Orchestration;

/// <summary>Checks and normalizes Ethereum addresses (<c>0x</c> + 40 hex digits, stored lower-case).</summary>
internal static class EthereumAddress
{
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? address)
    {
        address = null;
        if (text is not { Length: 42 } || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return false;
        foreach (var c in text.AsSpan(2))
        {
            if (!char.IsAsciiHexDigit(c)) return false;
        }

        address = "0x" + text[2..].ToLowerInvariant();
        return true;
    }
}
