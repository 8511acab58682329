using System.Diagnostics;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>Process CPU time and GC counts when a measured window opens, to report what the window itself cost.</summary>
internal sealed class ProcessBaseline
{
    private readonly Thread capture;
    private TimeSpan cpu;
    private int gen0;
    private int gen1;
    private int gen2;

    private ProcessBaseline(long timestamp)
    {
        // A thread of its own: under load the thread pool may run this late, and the CPU and GC baselines with it.
        capture = new Thread(() => CaptureAt(timestamp)) { IsBackground = true, Name = "measure-window" };
        capture.Start();
    }

    public static ProcessBaseline StartCapturingAt(long timestamp) => new(timestamp);

    public void WaitUntilCaptured() => capture.Join();

    public (TimeSpan Cpu, int Gen0, int Gen1, int Gen2) Since() =>
        (Process.GetCurrentProcess().TotalProcessorTime - cpu, GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);

    private void CaptureAt(long timestamp)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero) Thread.Sleep(wait);
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }
}
