namespace Livepeer.Pipelines.Sources;

/// <summary>How a file's content is identified.</summary>
internal enum DigestKind
{
    /// <summary>SHA-256 of the content: the Git LFS object id.</summary>
    Sha256,

    /// <summary>SHA-1 of <c>"blob &lt;length&gt;\0"</c> followed by the content: the git blob id.</summary>
    GitBlobSha1,
}
