using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using Livepeer.Benchmarks.Cli;
using Livepeer.Benchmarks.Jobs;
using Livepeer.Contracts;
using Livepeer.Gateway.Routing;
using Livepeer.Media;
using Livepeer.Pipelines;
using Microsoft.Extensions.DependencyInjection;

namespace Livepeer.Benchmarks.Http;

/// <summary>
/// <c>http</c>: closed-loop HTTP load on loopback against <c>POST /upscale</c> of the real host (tiny free model, 16×16 PNG;
/// the cost of payments is the <c>payments</c> command's),
/// and in the same run the same job through the orchestrator grain without HTTP, so the difference is what the
/// gateway path (HTTP, multipart, image check, routing, media store, JSON) adds.
/// </summary>
internal static class HttpCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new CommandArguments(args);
        var concurrencies = arguments.Ints("--concurrency", [1, 64]);
        var rates = arguments.Ints("--rates", []);
        var connections = arguments.Int("--connections", 64);
        var warmup = TimeSpan.FromSeconds(arguments.Int("--warmup", 20)); // tiered JIT needs ~20 s under load to settle
        var duration = TimeSpan.FromSeconds(arguments.Int("--duration", 20));
        var slots = arguments.Int("--slots", 2);
        arguments.EnsureAllRead();

        var png = ImageCodec.EncodePng(new RgbImage(16, 16, Enumerable.Range(0, 16 * 16 * 3).Select(i => (byte)(i * 7)).ToArray()));
        MachineFacts.Print();
        await using var host = await GatewayHost.StartAsync(slots);
        var maxConnections = Math.Max(connections, concurrencies.DefaultIfEmpty(1).Max());
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = host.BaseAddress,
        };
        await WaitUntilServedAsync(http, png);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"http target={host.BaseAddress}upscale image=16x16_png model={GatewayHost.FreeModelId} slots={slots} warmup_s={warmup.TotalSeconds} duration_s={duration.TotalSeconds}"));

        var orchestrator = host.Grains.GetGrain<IOrchestratorGrain>(GatewayHost.Orchestrator);
        var dispatcher = host.Services.GetRequiredService<JobDispatcher>();
        // Three depths of the same job: the whole HTTP path, the gateway's routing without HTTP, the grain call alone.
        var paths = new[]
        {
            new JobPath("http-upscale", async _ => await PostAsync(http, png)),
            new JobPath("dispatcher", async _ => Check(await dispatcher.DispatchAsync(Job(png), CancellationToken.None))),
            new JobPath("orchestrator-direct", async _ => Check(await orchestrator.SubmitJobAsync(Job(png)))),
        };

        foreach (var concurrency in concurrencies)
        {
            if (WrkLoad.Available())
            {
                // A discarded warm-up run at the same concurrency, then the measured one.
                await WrkLoad.RunAsync(host.BaseAddress, png, concurrency, warmup);
                var wrk = await WrkLoad.RunAsync(host.BaseAddress, png, concurrency, duration);
                if (wrk is not null) Console.WriteLine(wrk + " " + MachineFacts.LoadAverageField());
            }

            var results = new List<LoadResult>();
            foreach (var path in paths)
                results.Add(Report(await ClosedLoopLoad.RunAsync(path, concurrency, warmup, duration)));
            PrintAdded($"concurrency={concurrency}", results);
        }

        foreach (var rate in rates)
        {
            var results = new List<LoadResult>();
            foreach (var path in paths)
                results.Add(Report(await PacedLoad.RunAsync(path, connections, rate, warmup, duration)));
            PrintAdded($"connections={connections} offered_per_s={rate}", results);
        }

        MachineFacts.Print();
        return 0;
    }

    private static LoadResult Report(LoadResult result)
    {
        Console.WriteLine(result.Line());
        if (result.FirstError is { } error) Console.WriteLine($"http-error path={result.Path} first={error}");
        return result;
    }

    /// <summary>What the HTTP path adds over the grain call alone, at the same load.</summary>
    private static void PrintAdded(string load, List<LoadResult> results)
    {
        var (viaHttp, direct) = (results[0].LatencyMs, results[^1].LatencyMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gateway-added {load} p50_ms={viaHttp.At(50) - direct.At(50):F3} p99_ms={viaHttp.At(99) - direct.At(99):F3} http_errors={results[0].Errors}"));
    }

    private static JobRequest Job(byte[] png) =>
        new(Guid.NewGuid().ToString("N"), PipelineNames.Upscale, GatewayHost.FreeModelId, ImmutableDictionary<string, string>.Empty.Add("seed", "1"), png);

    private static async Task PostAsync(HttpClient http, byte[] png)
    {
        using var form = new MultipartFormDataContent { { new StringContent("sharper"), "prompt" }, { new ByteArrayContent(png), "image", "blob" } };
        using var response = await http.PostAsync(new Uri("/upscale", UriKind.Relative), form);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
    }

    private static void Check(JobResult result)
    {
        if (result.Output.Length == 0) throw new InvalidOperationException("empty result");
    }

    /// <summary>The gateway discovers the orchestrator in the background; the first requests after start may get 503.</summary>
    private static async Task WaitUntilServedAsync(HttpClient http, byte[] png)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await PostAsync(http, png);
                return;
            }
            catch (InvalidOperationException) when (attempt < 100)
            {
                await Task.Delay(200);
            }
        }
    }
}
