using System.Net;
using System.Text;

namespace Livepeer.Client.Tests;

/// <summary>Canned HTTP answers.</summary>
internal static class Responses
{
    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Text(string text, HttpStatusCode status, string mediaType = "text/plain") =>
        new(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Empty(HttpStatusCode status) => new(status) { Content = new ByteArrayContent([]) };

    public static HttpResponseMessage EventStream(string events) => Text(events, HttpStatusCode.OK, "text/event-stream");

    public static HttpResponseMessage Bytes(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new(mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
