namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// Opens the graphs of a multi-graph model folder (text encoders, UNet, VAE…) by their manifest roles on one device,
/// remembering the execution provider the sessions got, and disposes every graph opened so far when the load fails.
/// </summary>
internal sealed class ModelGraphs(InstalledModel model, ComputeDevice device, OnnxSessionFactory sessions, CancellationToken cancellationToken)
{
    private readonly List<OnnxGraph> opened = [];

    /// <summary>The provider the last opened session runs on.</summary>
    public string Provider { get; private set; } = "CPUExecutionProvider";

    public OnnxGraph Open(string role)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (session, provider) = sessions.Create(model.Manifest.FilePath(model.Folder, role), device);
        Provider = provider;
        var graph = new OnnxGraph(session, model.Manifest.Id, role);
        opened.Add(graph);
        return graph;
    }

    /// <summary>The graph of an optional role, or null when the manifest has none.</summary>
    public OnnxGraph? OpenOptional(string role) => model.Manifest.Files.ContainsKey(role) ? Open(role) : null;

    /// <summary>Builds the pipeline from the graphs; if that fails, every graph opened is disposed.</summary>
    public ILoadedModel Build(Func<ModelGraphs, ILoadedModel> build)
    {
        try
        {
            return build(this);
        }
        catch
        {
            foreach (var graph in opened) graph.Dispose();
            throw;
        }
    }
}
