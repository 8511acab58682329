using System.Globalization;
using Livepeer.Api;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Http;

/// <summary>
/// Reads multipart fields with the runner's (FastAPI) semantics: an empty value is absent, booleans accept
/// true/false/1/0/yes/no/on/off in any case, numbers use the invariant culture, and every bad field is collected
/// into one 422 instead of failing on the first.
/// </summary>
internal sealed class FormFields
{
    private static readonly FormCollection NoForm = new([]);
    private readonly IFormCollection form;
    private readonly List<ValidationError> errors = [];

    private FormFields(IFormCollection form) => this.form = form;

    /// <summary>Wraps an already read form (tests build one directly).</summary>
    internal static FormFields From(IFormCollection form) => new(form);

    /// <summary>Reads the form; a body that is not a form leaves every field absent (so required ones report <c>missing</c>).</summary>
    public static async Task<FormFields> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        new(request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : NoForm);

    public string? String(string name)
    {
        var value = form[name].FirstOrDefault();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public string RequiredString(string name)
    {
        var value = String(name);
        if (value is null && form.Files.GetFile(name) is null) errors.Add(ValidationMessages.Missing(name));
        else if (value is null) errors.Add(ValidationMessages.StringType(name, null));
        return value ?? "";
    }

    public int Int(string name, int fallback)
    {
        if (String(name) is not { } text) return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(ValidationMessages.IntParsing(name, text));
        return fallback;
    }

    public long? Long(string name)
    {
        if (String(name) is not { } text) return null;
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(ValidationMessages.IntParsing(name, text));
        return null;
    }

    public double Double(string name, double fallback)
    {
        if (String(name) is not { } text) return fallback;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        errors.Add(ValidationMessages.FloatParsing(name, text));
        return fallback;
    }

    public bool Bool(string name, bool fallback)
    {
        if (String(name) is not { } text) return fallback;
        if (Booleans.TryParse(text, out var value)) return value;
        errors.Add(ValidationMessages.BoolParsing(name, text));
        return fallback;
    }

    /// <summary>The file part <paramref name="name"/>, whatever its file name and content type; missing or sent as text → 422.</summary>
    public IFormFile? RequiredFile(string name)
    {
        var file = form.Files.GetFile(name);
        if (file is not null) return file;
        errors.Add(form.ContainsKey(name) && form[name].FirstOrDefault() is { Length: > 0 } ? ValidationMessages.NotAFile(name) : ValidationMessages.Missing(name));
        return null;
    }

    /// <summary>Throws the 422 when any field was missing or ill-typed.</summary>
    public void ThrowIfInvalid()
    {
        if (errors.Count > 0) throw new RequestValidationException(errors);
    }
}
