namespace Livepeer.Pipelines;

/// <summary>A model whose sessions exist on a device. Runs are synchronous and thread-safe: callers run them off their own thread.</summary>
public interface ILoadedModel : IDisposable
{
    /// <summary>The execution provider the sessions actually use (<c>CUDAExecutionProvider</c> or <c>CPUExecutionProvider</c>).</summary>
    string ExecutionProvider { get; }

    /// <summary>Runs one inference on input made from the manifest's warm-up parameters.</summary>
    void WarmUp(CancellationToken cancellationToken);

    /// <summary>Runs the model.</summary>
    /// <exception cref="InvalidPipelineInputException">The input does not fit the model.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    PipelineOutput Run(PipelineInput input, CancellationToken cancellationToken);
}
