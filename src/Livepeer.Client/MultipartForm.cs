using System.Text;
using System.Text.Json;
using Livepeer.Api;

namespace Livepeer.Client;

/// <summary>Builds the multipart bodies of the file pipelines as the contract and the JavaScript SDK write them (livepeer-ai-api.md §2.3).</summary>
internal static class MultipartForm
{
    /// <summary>The file part first, then one part per field of <paramref name="fields"/>, named by its JSON name; null fields are left out.</summary>
    public static MultipartFormDataContent Create<T>(T fields, string filePartName, LivepeerFile file)
    {
        var form = new MultipartFormDataContent();

        // Part headers are written as UTF-8, as browsers and the JavaScript SDK do, so a non-ASCII file name arrives intact.
        form.HeaderEncodingSelector = (_, _) => Encoding.UTF8;

        var filePart = file.CreateContent();
        filePart.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{filePartName}\"; filename=\"{Escape(file.FileName)}\"");
        filePart.Headers.TryAddWithoutValidation("Content-Type", file.ContentType);
        form.Add(filePart);

        foreach (var (name, value) in Fields(fields))
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
            part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{Escape(name)}\"");
            form.Add(part);
        }

        return form;
    }

    /// <summary>The record's JSON properties as form values: strings as is, numbers in JSON (invariant) notation, <c>true</c>/<c>false</c>.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> Fields<T>(T fields)
    {
        using var document = JsonSerializer.SerializeToDocument(fields, ApiJson.Options);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null or JsonValueKind.Undefined:
                    continue;
                case JsonValueKind.String:
                    values.Add(new(property.Name, value.GetString()!));
                    break;
                default:
                    // Numbers, true/false; objects and arrays would travel as JSON text, as the contract's JSON-in-a-field parameters do.
                    values.Add(new(property.Name, value.GetRawText()));
                    break;
            }
        }

        return values;
    }

    // Browsers and undici percent-encode these three in multipart names rather than backslash-escaping them.
    private static string Escape(string name) =>
        name.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
}
