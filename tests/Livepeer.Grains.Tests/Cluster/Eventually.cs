using System.Diagnostics;

namespace Livepeer.Grains.Tests.Cluster;

/// <summary>Polls a condition that another part of the cluster makes true asynchronously (membership, pushed snapshots).</summary>
internal static class Eventually
{
    public static async Task<TimeSpan> TrueAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
                throw new TimeoutException($"Waited {timeout} for {what}.");
            await Task.Delay(20);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Polls an asynchronous condition (a grain's status) until it holds.</summary>
    public static async Task<TimeSpan> TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
                throw new TimeoutException($"Waited {timeout} for {what}.");
            await Task.Delay(50);
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
