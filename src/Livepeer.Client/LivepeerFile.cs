using System.Net.Http.Headers;

namespace Livepeer.Client;

/// <summary>An image or audio file to upload: bytes, a stream or a path, with the file name and media type of its form part.</summary>
public sealed class LivepeerFile
{
    /// <summary>The file name the JavaScript SDK sends for a blob.</summary>
    public const string DefaultFileName = "blob";

    /// <summary>The media type the JavaScript SDK sends for every file.</summary>
    public const string DefaultContentType = "application/octet-stream";

    private readonly Func<HttpContent> createContent;

    private LivepeerFile(Func<HttpContent> createContent, string fileName, string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        if (!MediaTypeHeaderValue.TryParse(contentType, out _))
            throw new ArgumentException($"'{contentType}' is not a media type.", nameof(contentType));
        this.createContent = createContent;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>A file held in memory.</summary>
    /// <param name="content">The bytes (not copied).</param>
    /// <param name="fileName">The part's file name. Default <c>blob</c>.</param>
    /// <param name="contentType">The part's media type. Default <c>application/octet-stream</c>.</param>
    public LivepeerFile(ReadOnlyMemory<byte> content, string fileName = DefaultFileName, string contentType = DefaultContentType)
        : this(() => new ReadOnlyMemoryContent(content), fileName, contentType)
    {
    }

    /// <summary>A file read from a stream, from its position at upload time (so a second upload needs a rewind); the stream is never disposed here.</summary>
    /// <param name="content">The stream.</param>
    /// <param name="fileName">The part's file name. Default <c>blob</c>.</param>
    /// <param name="contentType">The part's media type. Default <c>application/octet-stream</c>.</param>
    public LivepeerFile(Stream content, string fileName = DefaultFileName, string contentType = DefaultContentType)
        : this(() => new FileContent(() => content, ownsStream: false, content.CanSeek ? content.Length - content.Position : null), fileName, contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead) throw new ArgumentException("The stream cannot be read.", nameof(content));
    }

    /// <summary>The file at <paramref name="path"/>, opened when it is uploaded; the part's file name is the path's file name.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="contentType">The part's media type. Default <c>application/octet-stream</c> (servers detect the format from the bytes).</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static LivepeerFile FromPath(string path, string contentType = DefaultContentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"No file at '{full}'.", full);
        return new LivepeerFile(() => new FileContent(() => File.OpenRead(full), ownsStream: true, new FileInfo(full).Length), Path.GetFileName(full), contentType);
    }

    /// <summary>The file name of the form part.</summary>
    public string FileName { get; }

    /// <summary>The media type of the form part.</summary>
    public string ContentType { get; }

    /// <summary>A fresh body for one upload, without headers.</summary>
    internal HttpContent CreateContent() => createContent();
}
