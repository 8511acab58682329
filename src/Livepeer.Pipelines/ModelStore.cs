using System.Collections.Frozen;

namespace Livepeer.Pipelines;

/// <summary>The models installed under a local folder: every sub-folder (up to three levels deep) holding a manifest.</summary>
public sealed class ModelStore
{
    private const int MaxDepth = 3;
    private readonly FrozenDictionary<string, InstalledModel> models;

    private ModelStore(string root, FrozenDictionary<string, InstalledModel> models)
    {
        Root = root;
        this.models = models;
    }

    /// <summary>The folder that was scanned.</summary>
    public string Root { get; }

    /// <summary>Installed models by id.</summary>
    public IReadOnlyDictionary<string, InstalledModel> Models => models;

    /// <summary>Scans <paramref name="root"/> and checks every manifest found.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidModelException">A manifest or model file is wrong, or two folders claim one id.</exception>
    public static ModelStore Open(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"Model folder '{full}' does not exist.");

        var found = new Dictionary<string, InstalledModel>(StringComparer.Ordinal);
        Scan(full, 0, found);
        return new ModelStore(full, found.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Finds an installed model by id.</summary>
    public bool TryGet(string modelId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InstalledModel? model) =>
        models.TryGetValue(modelId, out model);

    private static void Scan(string folder, int depth, Dictionary<string, InstalledModel> found)
    {
        if (File.Exists(Path.Combine(folder, ModelManifest.FileName)))
        {
            var manifest = ModelManifest.Load(folder);
            if (found.TryGetValue(manifest.Id, out var other))
                throw new InvalidModelException($"Model id '{manifest.Id}' is claimed by both '{other.Folder}' and '{folder}'.");
            found.Add(manifest.Id, new InstalledModel(folder, manifest));
            return;
        }

        if (depth == MaxDepth) return;
        foreach (var child in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            Scan(child, depth + 1, found);
    }
}
