using System.Text.Json;
using Livepeer.Testing;

namespace Livepeer.Deployment.Tests;

/// <summary>The silo-config files: one per role, all in the ConfigMap, every key they set documented in the README.</summary>
public sealed class SiloConfigTests
{
    // Sections whose children are names the operator chooses (pipelines, CUDA option keys, log categories).
    private static readonly Dictionary<string, string> OpenSections = new(StringComparer.Ordinal)
    {
        ["DefaultModels"] = "<pipeline>",
        ["Deadlines"] = "<pipeline>",
        ["MaxPrices"] = "<pipeline>",
        ["CudaOptions"] = "<key>",
        ["LogLevel"] = "<category>",
    };

    private static string Folder => RepositoryRoot.Require("silo-config");

    public static TheoryData<string> ConfigFiles => new(Directory.GetFiles(RepositoryRoot.Require("silo-config"), "*.json")
        .Select(Path.GetFileName).Where(f => f != "aiModels.json").Order(StringComparer.Ordinal)!);

    [Theory]
    [InlineData("gateway")]
    [InlineData("orchestrator")]
    [InlineData("worker")]
    public void RoleFile_RunsExactlyThatRole_WithPostgresClusteringAndStorage(string role)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, $"{role}.json")));
        var livepeer = file.RootElement.GetProperty("Livepeer");

        Assert.Equal(role, livepeer.GetProperty("Roles").GetString());
        Assert.Equal("postgres", livepeer.GetProperty("Cluster").GetProperty("Clustering").GetString());
        Assert.Equal("postgres", livepeer.GetProperty("Storage").GetProperty("Provider").GetString());
    }

    [Fact]
    public void Kustomization_PutsEverySiloConfigFileInTheConfigMap()
    {
        var kustomization = File.ReadAllLines(Path.Combine(Folder, "kustomization.yaml"));
        var listed = kustomization.Select(l => l.Trim()).Where(l => l.StartsWith("- ", StringComparison.Ordinal) && l.EndsWith(".json", StringComparison.Ordinal)).Select(l => l[2..]);

        Assert.Equal(Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public void EveryKeyOfTheFile_IsInTheReadmesConfigurationReference(string fileName)
    {
        var reference = ConfigurationReference();
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, fileName)));

        var missing = Keys(file.RootElement, "").Distinct(StringComparer.Ordinal).Where(key => !reference.Any(line => Documents(line, key))).ToList();

        Assert.True(missing.Count == 0, $"{fileName}: not in the README's configuration reference: {string.Join(", ", missing)}");
    }

    /// <summary>A table row documents a key when it names it whole, or names its section and its last part (rows like `A:B:X` / `Y`).</summary>
    private static bool Documents(string line, string key)
    {
        if (line.Contains($"`{key}`", StringComparison.Ordinal)) return true;
        var split = key.LastIndexOf(':');
        if (split < 0) return false;
        var (section, last) = (key[..split], key[(split + 1)..]);
        return line.Contains($"`{section}:", StringComparison.Ordinal) && line.Contains($"`{last}`", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Keys(JsonElement element, string prefix)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var open = OpenSections.GetValueOrDefault(prefix.Split(':')[^1]);
                foreach (var property in element.EnumerateObject())
                {
                    var name = open ?? property.Name;
                    foreach (var key in Keys(property.Value, prefix.Length == 0 ? name : $"{prefix}:{name}"))
                        yield return key;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var key in Keys(item, $"{prefix}:N"))
                        yield return key;
                }

                break;
            default:
                yield return prefix;
                break;
        }
    }

    private static List<string> ConfigurationReference()
    {
        var readme = File.ReadAllLines(RepositoryRoot.Require("README.md"));
        var start = Array.FindIndex(readme, l => l == "## Configuration reference");
        var end = Array.FindIndex(readme, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        return [.. readme[start..end].Where(l => l.StartsWith('|'))];
    }
}
