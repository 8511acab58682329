namespace Livepeer.Client;

/// <summary>A downloaded media file.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The media type, e.g. <c>image/png</c>; <c>application/octet-stream</c> when the server sent none.</param>
public sealed record LivepeerDownload(byte[] Content, string ContentType);
