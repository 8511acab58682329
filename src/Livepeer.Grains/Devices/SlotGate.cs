namespace Livepeer.Grains.Devices;

/// <summary>
/// First-come, first-served admission to a device's slots. Used only on a grain's turn, so it needs no lock;
/// a cancelled waiter leaves the queue without taking a slot.
/// </summary>
internal sealed class SlotGate(int slots)
{
    private readonly LinkedList<TaskCompletionSource> waiters = new();

    public int Slots { get; } = slots;

    public int Busy { get; private set; }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Busy < Slots && waiters.Count == 0)
        {
            Busy++;
            return Task.CompletedTask;
        }

        var waiter = new TaskCompletionSource();
        var node = waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
            waiter.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        return Admitted(waiter, node);
    }

    public void Release()
    {
        Busy--;
        while (waiters.First is { } next)
        {
            waiters.RemoveFirst();
            if (next.Value.Task.IsCompleted) continue;
            Busy++;
            next.Value.TrySetResult();
            return;
        }
    }

    private async Task Admitted(TaskCompletionSource waiter, LinkedListNode<TaskCompletionSource> node)
    {
        try
        {
            await waiter.Task;
        }
        catch (OperationCanceledException)
        {
            if (node.List is not null) waiters.Remove(node);
            throw;
        }
    }
}
