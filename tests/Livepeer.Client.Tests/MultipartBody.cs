using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Livepeer.Client.Tests;

/// <summary>A recorded multipart upload, parsed by ASP.NET Core's reader.</summary>
internal sealed class MultipartBody
{
    private MultipartBody(IReadOnlyList<Part> parts) => Parts = parts;

    public IReadOnlyList<Part> Parts { get; }

    public static async Task<MultipartBody> ParseAsync(RecordedRequest request)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.ContentHeader("Content-Type"));
        Assert.Equal("multipart/form-data", contentType.MediaType.Value);
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new List<Part>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body);
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            Assert.Equal("form-data", disposition.DispositionType.Value);
            parts.Add(new Part(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!,
                disposition.FileName.HasValue ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : null,
                section.ContentType,
                body.ToArray(),
                section.ContentDisposition!));
        }

        return new MultipartBody(parts);
    }

    /// <summary>The scalar (non-file) parts, name → value, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields =>
        [.. Parts.Where(p => p.FileName is null).Select(p => new KeyValuePair<string, string>(p.Name, p.Text))];

    public sealed record Part(string Name, string? FileName, string? ContentType, byte[] Body, string RawDisposition)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }
}
