namespace Livepeer.Pipelines;

/// <summary>A model present on this machine: its folder and checked manifest.</summary>
/// <param name="Folder">Absolute path of the model folder.</param>
/// <param name="Manifest">The manifest read from it.</param>
public sealed record InstalledModel(string Folder, ModelManifest Manifest)
{
    /// <summary>The model id.</summary>
    public string Id => Manifest.Id;
}
