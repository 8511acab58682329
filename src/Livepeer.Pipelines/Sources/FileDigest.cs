using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Livepeer.Pipelines.Sources;

/// <summary>Hashes files as lower-case hex.</summary>
internal static class FileDigest
{
    private const int BufferSize = 1 << 20;

    public static string Name(DigestKind kind) => kind == DigestKind.Sha256 ? "SHA-256" : "git blob SHA-1";

    /// <summary>The digest of the file at <paramref name="path"/>.</summary>
    public static async Task<string> ComputeAsync(string path, DigestKind kind, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(kind == DigestKind.Sha256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1);
        if (kind == DigestKind.GitBlobSha1)
            hash.AppendData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob {stream.Length}\0")));
        var buffer = new byte[BufferSize];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            hash.AppendData(buffer, 0, read);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="text"/> is <paramref name="length"/> hex digits.</summary>
    public static bool IsHex(string? text, int length) => text is not null && text.Length == length && text.All(char.IsAsciiHexDigit);
}
