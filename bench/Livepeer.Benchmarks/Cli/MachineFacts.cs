using System.Globalization;
using System.Runtime;

namespace Livepeer.Benchmarks.Cli;

/// <summary>What a reader needs next to every number: cores, load average, GC mode and time.</summary>
internal static class MachineFacts
{
    public static string Line() =>
        string.Create(CultureInfo.InvariantCulture,
            $"machine cores={Environment.ProcessorCount} {LoadAverageField()} gc={(GCSettings.IsServerGC ? "server" : "workstation")} " +
            $"gc_latency={GCSettings.LatencyMode} date={DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}");

    public static void Print() => Console.WriteLine(Line());

    /// <summary>The 1, 5 and 15 minute load averages as <c>loadavg=a,b,c</c>.</summary>
    public static string LoadAverageField() => $"loadavg={LoadAverage()}";

    private static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]},{fields[1]},{fields[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
