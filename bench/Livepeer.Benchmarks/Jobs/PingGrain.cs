using Orleans.Concurrency;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>An empty grain: the cost of a grain call, and of a grain activation, with no work in it.</summary>
[Alias("bench.ping")]
public interface IPingGrain : IGrainWithIntegerKey
{
    /// <summary>Returns at once.</summary>
    [Alias("ping")]
    Task<int> PingAsync(int value);

    /// <summary>Returns at once and deactivates, as a job grain does after its one job.</summary>
    [Alias("ping-once")]
    Task<int> PingOnceAsync(int value);
}

/// <inheritdoc cref="IPingGrain"/>
[GrainType("bench-ping"), Reentrant]
internal sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value);

    public Task<int> PingOnceAsync(int value)
    {
        DeactivateOnIdle();
        return Task.FromResult(value);
    }
}
