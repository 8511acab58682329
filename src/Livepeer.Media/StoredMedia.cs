namespace Livepeer.Media;

/// <summary>Where a saved media file can be fetched.</summary>
/// <param name="RequestId">The request the file belongs to (8 hex).</param>
/// <param name="FileName">The file name, <c>&lt;8 hex&gt;.&lt;extension&gt;</c>.</param>
/// <param name="ContentType">The MIME type it is served with.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record StoredMedia(string RequestId, string FileName, string ContentType, long Length)
{
    /// <summary>The go-livepeer relative URL, <c>/stream/&lt;requestId&gt;/&lt;fileName&gt;</c>.</summary>
    public string RelativeUrl => $"/stream/{RequestId}/{FileName}";
}
