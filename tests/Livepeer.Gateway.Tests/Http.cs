using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Livepeer.Gateway.Tests;

/// <summary>Builds raw requests the way different clients send them, and reads bodies as JSON.</summary>
internal static class Http
{
    public static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    /// <summary>Adds a file part the way the JS SDK does: file name <c>blob</c>, <c>application/octet-stream</c> (or as given).</summary>
    public static MultipartFormDataContent WithFile(this MultipartFormDataContent form, string name, byte[] bytes, string fileName = "blob", string contentType = "application/octet-stream")
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(part, name, fileName);
        return form;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the dual error body and returns its message.</summary>
    public static async Task<string> ErrorMessageAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        var detail = body.GetProperty("detail").GetProperty("msg").GetString();
        Assert.Equal(detail, body.GetProperty("error").GetProperty("message").GetString());
        return detail!;
    }

    /// <summary>The 422 body's violations as "loc.joined:type".</summary>
    public static async Task<string[]> ValidationErrorsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(422, (int)response.StatusCode);
        var body = await response.JsonAsync();
        return
        [
            .. body.GetProperty("detail").EnumerateArray().Select(e =>
                string.Join('.', e.GetProperty("loc").EnumerateArray().Select(l => l.ToString())) + ":" + e.GetProperty("type").GetString()),
        ];
    }
}
