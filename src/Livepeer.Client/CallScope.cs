namespace Livepeer.Client;

/// <summary>The cancellation of one call: the caller's token plus the client's timeout, which surfaces as a <see cref="TimeoutException"/>.</summary>
internal sealed class CallScope : IDisposable
{
    private readonly CancellationTokenSource? timeout;
    private readonly CancellationTokenSource linked;
    private readonly CancellationToken caller;
    private readonly TimeSpan limit;
    private readonly string what;

    public CallScope(ClientSettings settings, string what, CancellationToken caller)
    {
        limit = settings.Timeout;
        this.what = what;
        this.caller = caller;
        timeout = limit == System.Threading.Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(limit, settings.Clock);
        linked = CancellationTokenSource.CreateLinkedTokenSource(caller, timeout?.Token ?? CancellationToken.None);
    }

    public CancellationToken Token => linked.Token;

    /// <summary>True when the timeout, not the caller, cancelled the call.</summary>
    public bool TimedOut => timeout?.IsCancellationRequested == true && !caller.IsCancellationRequested;

    public TimeoutException TimeoutError(Exception inner) => new($"{what} did not complete within {limit}.", inner);

    public void Dispose()
    {
        linked.Dispose();
        timeout?.Dispose();
    }
}
