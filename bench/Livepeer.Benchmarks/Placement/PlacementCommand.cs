using BenchmarkDotNet.Running;
using Livepeer.Benchmarks.Cli;

namespace Livepeer.Benchmarks.Placement;

/// <summary><c>placement</c>: BenchmarkDotNet run of one decision, or <c>--quick</c> for a Stopwatch run.</summary>
internal static class PlacementCommand
{
    public static int Run(string[] args)
    {
        var options = new CommandArguments(args);
        var quick = options.Flag("--quick");
        var calls = options.Int("--calls", 200_000);
        MachineFacts.Print();
        if (quick)
        {
            options.EnsureAllRead();
            QuickPlacementBenchmark.Run(calls);
        }
        else
        {
            // What is left (e.g. --filter, --artifacts) is BenchmarkDotNet's own command line.
            var summary = BenchmarkRunner.Run<PlacementBenchmarks>(PlacementBenchmarkConfig.Create(), [.. options.Unread]);
            if (summary.HasCriticalValidationErrors) return 1;
        }

        MachineFacts.Print();
        return 0;
    }
}
