using Livepeer.Benchmarks.Cli;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>Settings of the <c>jobs</c> load tool.</summary>
internal sealed record JobsOptions(
    IReadOnlyList<int> Concurrency,
    int Slots,
    long[] Shape,
    TimeSpan Warmup,
    TimeSpan Duration,
    IReadOnlyList<string> Paths,
    bool Probe)
{
    public static JobsOptions Parse(string[] args)
    {
        var options = new CommandArguments(args);
        var shape = options.Ints("--shape", [1, 3, 4, 4]).Select(d => (long)d).ToArray();
        if (shape.Length != 4 || shape[0] != 1 || shape[1] != 3) throw new CommandLineException("--shape must be 1,3,<height>,<width>");
        var parsed = new JobsOptions(
            options.Ints("--concurrency", [64]),
            options.Int("--slots", 2),
            shape,
            TimeSpan.FromSeconds(options.Double("--warmup", 5)),
            TimeSpan.FromSeconds(options.Double("--duration", 20)),
            options.Words("--paths", ["direct", "job-grain", "orchestrator"]),
            options.Flag("--probe"));
        options.EnsureAllRead();
        foreach (var path in parsed.Paths)
        {
            if (!JobPath.Names.Contains(path)) throw new CommandLineException($"--paths: unknown path '{path}' (known: {string.Join(',', JobPath.Names)})");
        }

        return parsed;
    }
}
