using System.Globalization;
using System.Reflection;

namespace Livepeer.Storage;

/// <summary>
/// The schema scripts compiled into this assembly as resources named
/// <c>Livepeer.Storage.Sql.NNN_description.sql</c>; NNN is the version and fixes the order.
/// </summary>
internal static class EmbeddedScripts
{
    private const string Prefix = "Livepeer.Storage.Sql.";

    private static readonly Lazy<List<SchemaScript>> Scripts = new(Load);

    /// <summary>All scripts in ascending version order.</summary>
    public static IReadOnlyList<SchemaScript> All => Scripts.Value;

    private static List<SchemaScript> Load()
    {
        var assembly = typeof(EmbeddedScripts).Assembly;
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[Prefix.Length..];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Schema script '{name}' must be named NNN_description.sql.");
            }

            scripts.Add(new SchemaScript(version, name, Read(assembly, resource)));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"Schema scripts '{scripts[i - 1].Name}' and '{scripts[i].Name}' share version {scripts[i].Version}.");
            }
        }

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException("No schema scripts are embedded in Livepeer.Storage.");
        }

        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' cannot be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
