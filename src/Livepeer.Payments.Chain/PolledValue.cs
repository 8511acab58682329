namespace Livepeer.Payments.Chain;

/// <summary>A value read from a slow source and reused for an interval; concurrent callers share one read.</summary>
internal sealed class PolledValue<T>(Func<Task<T>> read, TimeSpan interval, TimeProvider time)
    where T : class
{
    private readonly Lock gate = new();
    private T? value;
    private long readAt;
    private Task<T>? reading;

    /// <summary>The value if it was read less than the interval ago, else the result of a (shared) new read.</summary>
    /// <remarks>Cancelling only stops this caller's wait; the read goes on for the others.</remarks>
    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        Task<T> task;
        lock (gate)
        {
            if (value is not null && time.GetElapsedTime(readAt) < interval)
                return Task.FromResult(value);
            // Task.Run so that the read's own locking never runs while this caller still holds the lock.
            task = reading ??= Task.Run(ReadAsync, CancellationToken.None);
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task<T> ReadAsync()
    {
        // Age counts from the start of the read: the value is at least that fresh.
        var started = time.GetTimestamp();
        try
        {
            var result = await read().ConfigureAwait(false);
            lock (gate)
            {
                value = result;
                readAt = started;
            }

            return result;
        }
        finally
        {
            lock (gate)
            {
                reading = null;
            }
        }
    }
}
