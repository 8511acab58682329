using System.Net;

namespace Livepeer.Client;

/// <summary>A request body copied from a stream that is opened when the request is sent.</summary>
/// <param name="open">Gives the stream to copy.</param>
/// <param name="ownsStream">Whether to dispose that stream afterwards (a caller's stream is left open).</param>
/// <param name="knownLength">The number of bytes, when known (otherwise the body is sent chunked).</param>
internal sealed class FileContent(Func<Stream> open, bool ownsStream, long? knownLength) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = open();
        try
        {
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (ownsStream) await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = knownLength ?? 0;
        return knownLength is not null;
    }
}
