namespace Livepeer.Pipelines.Sources;

/// <summary>Where a model's files come from (a Hugging Face repository, a local folder); <see cref="ModelInstaller"/> installs from one.</summary>
public interface IModelSource
{
    /// <summary>The source in words, for messages, e.g. <c>Hugging Face repository 'acme/upscaler' at revision 'main'</c>.</summary>
    string Description { get; }

    /// <summary>
    /// Checks cheaply, without the network, whether <paramref name="folder"/> already holds this source's files as a
    /// finished fetch left them. Returns their paths (relative, <c>/</c>-separated), or null when
    /// <see cref="FetchAsync"/> has work to do.
    /// </summary>
    Task<IReadOnlyList<string>?> VerifyAsync(string folder, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings this source's files into <paramref name="folder"/>, each checked and renamed into place only when complete
    /// (the source's <c>manifest.json</c>, if it has one, last), and returns their paths (relative, <c>/</c>-separated).
    /// Cancelling keeps what was received, so the next fetch resumes it.
    /// </summary>
    /// <exception cref="ModelSourceException">A file could not be had or failed its check; the message says which and why.</exception>
    Task<IReadOnlyList<string>> FetchAsync(string folder, IProgress<ModelSourceProgress>? progress = null, CancellationToken cancellationToken = default);
}
