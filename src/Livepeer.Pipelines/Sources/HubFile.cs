using System.Text.Json.Serialization;

namespace Livepeer.Pipelines.Sources;

/// <summary>A file of a Hugging Face repository at one commit, as the tree listing describes it.</summary>
/// <param name="Path">Path in the repository, <c>/</c>-separated.</param>
/// <param name="Size">Size of the content in bytes (the LFS object's size for LFS files).</param>
/// <param name="GitOid">The git blob id; for an LFS file that is the id of the pointer file, not of the content.</param>
/// <param name="Sha256">The LFS object id (SHA-256 of the content), or null for a file kept in git itself.</param>
internal sealed record HubFile(string Path, long Size, string GitOid, string? Sha256)
{
    [JsonIgnore]
    public DigestKind Kind => Sha256 is null ? DigestKind.GitBlobSha1 : DigestKind.Sha256;

    [JsonIgnore]
    public string ExpectedDigest => Sha256 ?? GitOid;

    /// <summary>Whether <paramref name="localPath"/> holds exactly this file's content (size, then hash).</summary>
    public async Task<bool> IsIntactAtAsync(string localPath, CancellationToken cancellationToken)
    {
        var info = new FileInfo(localPath);
        if (!info.Exists || info.Length != Size)
            return false;
        var digest = await FileDigest.ComputeAsync(localPath, Kind, cancellationToken);
        return string.Equals(digest, ExpectedDigest, StringComparison.OrdinalIgnoreCase);
    }
}
