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
        switch (model.Manifest.Family)
        {
            case ModelFamilies.OnnxTensor:
                var (session, provider) = sessions.Create(model.Manifest.FilePath(model.Folder, "model"), device);
                try
                {
                    return new TensorModel(session, provider, model.Manifest);
                }
                catch
                {
                    session.Dispose();
                    throw;
                }

            default:
                throw new InvalidModelException($"Model '{model.Id}': family '{model.Manifest.Family}' has no runner.");
        }
    }
}
