using System.Text.Json;

namespace Livepeer.Pipelines.Sources;

/// <summary>Installs a model from an <see cref="IModelSource"/> into a folder the <see cref="ModelStore"/> loads.</summary>
public static class ModelInstaller
{
    /// <summary>
    /// Makes <paramref name="folder"/> an installed model: a no-op when it already holds the source's files (checked
    /// without the network), a fetch otherwise. <paramref name="manifest"/> is written when the source brings no
    /// <c>manifest.json</c> of its own (a source's own manifest wins). The manifest is then checked as the model store
    /// would check it.
    /// </summary>
    /// <param name="source">Where the files come from.</param>
    /// <param name="folder">The model folder, usually <c>{modelsRoot}/{owner}/{name}</c>.</param>
    /// <param name="manifest">The manifest to use when the source has none (family, pipelines, files by role, memory).</param>
    /// <param name="progress">Receives how far the fetch has got.</param>
    /// <param name="cancellationToken">Stops the fetch; what was received is kept for the next install to resume.</param>
    /// <returns>The installed model.</returns>
    /// <exception cref="ModelSourceException">The files could not be had; the message names the source, file and cause.</exception>
    /// <exception cref="InvalidModelException">There is no manifest, or it does not fit the files.</exception>
    public static async Task<InstalledModel> InstallAsync(
        IModelSource source,
        string folder,
        ModelManifest? manifest = null,
        IProgress<ModelSourceProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.GetFullPath(folder);
        var files = await source.VerifyAsync(full, cancellationToken) ?? await source.FetchAsync(full, progress, cancellationToken);
        if (!files.Contains(ModelManifest.FileName))
        {
            var path = Path.Combine(full, ModelManifest.FileName);
            if (manifest is not null)
                await WriteIfChangedAsync(path, JsonSerializer.SerializeToUtf8Bytes(manifest, ModelManifest.JsonOptions), cancellationToken);
            else if (!File.Exists(path))
                throw new InvalidModelException($"{source.Description} has no {ModelManifest.FileName} and none was given for '{full}': supply one (family, pipelines, files by role, memory).");
        }

        return new InstalledModel(full, ModelManifest.Load(full));
    }

    private static async Task WriteIfChangedAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        if (File.Exists(path) && (await File.ReadAllBytesAsync(path, cancellationToken)).AsSpan().SequenceEqual(bytes))
            return;
        await ModelFolder.WriteAtomicAsync(path, bytes, cancellationToken);
    }
}
