using System.Collections.Concurrent;

namespace Livepeer.Grains.Devices;

/// <summary>
/// Dedicated threads that run one device's inferences. A run blocks its thread for its whole duration (milliseconds to
/// seconds), so running it on the .NET thread pool would starve Orleans' scheduler, networking and timers on a small
/// machine; with one thread per slot the pool stays free and a device never runs more than its slots at once.
/// </summary>
internal sealed class InferenceThreads : IDisposable
{
    private readonly BlockingCollection<Action> queue = [];

    public InferenceThreads(string name, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var thread = new Thread(Work) { IsBackground = true, Name = $"{name} #{i}" };
            thread.Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on one of the threads; the continuation does not run on that thread.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Add(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                completion.TrySetResult(work());
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
            }
            catch (Exception e)
            {
                completion.TrySetException(e);
            }
        }, CancellationToken.None);
        return completion.Task;
    }

    public void Dispose() => queue.CompleteAdding();

    private void Work()
    {
        foreach (var work in queue.GetConsumingEnumerable())
            work();
    }
}
