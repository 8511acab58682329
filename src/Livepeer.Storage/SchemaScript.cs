using System.Security.Cryptography;
using System.Text;

namespace Livepeer.Storage;

/// <summary>One numbered schema step: its version, file name, SQL text and the text's SHA-256.</summary>
internal sealed record SchemaScript(int Version, string Name, string Text)
{
    /// <summary>
    /// Hex SHA-256 of the text with line endings normalised to LF, so a checkout with CRLF endings
    /// does not look like an edited script.
    /// </summary>
    public string Checksum { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Text.ReplaceLineEndings("\n"))));
}
