namespace Livepeer.Media;

/// <summary>An opened media file; disposing it disposes <see cref="Content"/>.</summary>
/// <param name="Content">The file's bytes, positioned at the start.</param>
/// <param name="ContentType">The MIME type to serve it with.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="Created">When it was saved, by the store's clock.</param>
public sealed record MediaContent(Stream Content, string ContentType, long Length, DateTimeOffset Created) : IDisposable, IAsyncDisposable
{
    /// <summary>Disposes <see cref="Content"/>.</summary>
    public void Dispose() => Content.Dispose();

    /// <summary>Disposes <see cref="Content"/>.</summary>
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
