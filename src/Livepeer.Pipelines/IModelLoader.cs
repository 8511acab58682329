namespace Livepeer.Pipelines;

/// <summary>Creates the sessions of an installed model on a device.</summary>
public interface IModelLoader
{
    /// <summary>Loads the model; the result is not warm until <see cref="ILoadedModel.WarmUp"/> ran.</summary>
    /// <exception cref="InvalidModelException">A file is missing or not a valid model.</exception>
    ILoadedModel Load(InstalledModel model, ComputeDevice device, CancellationToken cancellationToken);
}
