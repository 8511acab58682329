using Livepeer.Pipelines.Diffusion;
using Livepeer.Pipelines.Video;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Livepeer.Pipelines;

/// <summary>Loads installed models into ONNX Runtime sessions, choosing the runner by the manifest's family.</summary>
public sealed class OnnxModelLoader : IModelLoader
{
    private readonly OnnxSessionFactory sessions;

    /// <summary>Creates a loader that logs through <paramref name="loggerFactory"/>.</summary>
    public OnnxModelLoader(ILoggerFactory? loggerFactory = null) =>
        sessions = new OnnxSessionFactory((loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<OnnxSessionFactory>());

    /// <inheritdoc />
    public ILoadedModel Load(InstalledModel model, ComputeDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(device);
        cancellationToken.ThrowIfCancellationRequested();
        if (!ModelFamilies.All.Contains(model.Manifest.Family))
            throw new InvalidModelException($"Model '{model.Id}': family '{model.Manifest.Family}' has no runner.");

        if (model.Manifest.Family is ModelFamilies.StableDiffusion or ModelFamilies.StableDiffusionXl)
            return StableDiffusionLoader.Load(model, device, sessions, cancellationToken);
        if (model.Manifest.Family == ModelFamilies.StableVideoDiffusion)
            return VideoDiffusionLoader.Load(model, device, sessions, cancellationToken);

        var (session, provider) = sessions.Create(model.Manifest.FilePath(model.Folder, "model"), device);
        try
        {
            var single = new SingleInputSession(session, provider, model.Manifest);
            return model.Manifest.Family == ModelFamilies.OnnxUpscaler
                ? new UpscalePipeline(single, model.Manifest)
                : new TensorModel(single, model.Manifest);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
