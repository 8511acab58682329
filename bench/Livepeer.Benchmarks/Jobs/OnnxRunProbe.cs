using System.Diagnostics;
using System.Globalization;
using Livepeer.Benchmarks.Cli;
using Livepeer.Pipelines;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>
/// The model run alone, with no Orleans around it: the same <see cref="OnnxModelLoader"/> session and
/// <see cref="ILoadedModel.Run"/> call the device grain makes, in a tight loop on one thread and then on several.
/// </summary>
internal static class OnnxRunProbe
{
    public static void Run(string modelsRoot, string modelId, JobRequests requests, TimeSpan duration, int threadsPerRun)
    {
        if (!ModelStore.Open(modelsRoot).TryGet(modelId, out var installed)) throw new InvalidOperationException($"Model {modelId} is not in {modelsRoot}.");
        using var model = new OnnxModelLoader().Load(installed, new ComputeDevice(DeviceKind.Cpu, 0, threadsPerRun), CancellationToken.None);
        model.WarmUp(CancellationToken.None);
        var input = new PipelineInput(requests.Parameters, requests.Input);
        for (var i = 0; i < 2000; i++) model.Run(input, CancellationToken.None);

        foreach (var threads in new[] { 1, Environment.ProcessorCount })
        {
            var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var started = Stopwatch.GetTimestamp();
            var perThread = new List<double>[threads];
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() => perThread[t] = Loop(model, input, stopAt))).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
            var elapsed = Stopwatch.GetElapsedTime(started);
            var stats = new Percentiles(perThread.SelectMany(l => l));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"probe name=onnx-run threads={threads} runs_per_s={stats.Count / elapsed.TotalSeconds:F0} p50_ms={stats.At(50):F3} p99_ms={stats.At(99):F3} " +
                $"max_ms={stats.Max:F3} runs={stats.Count} {MachineFacts.LoadAverageField()}"));
        }
    }

    private static List<double> Loop(ILoadedModel model, PipelineInput input, long stopAt)
    {
        var latencies = new List<double>(capacity: 256 * 1024);
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            if (started >= stopAt) return latencies;
            model.Run(input, CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
