using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using Livepeer.Benchmarks.Cli;
using Livepeer.Benchmarks.Http;
using Livepeer.Benchmarks.Jobs;
using Livepeer.Contracts;
using Livepeer.Gateway.Routing;
using Livepeer.Grains.Payments;
using Livepeer.Media;
using Livepeer.Pipelines;
using Microsoft.Extensions.DependencyInjection;

namespace Livepeer.Benchmarks.Payments;

/// <summary>
/// <c>payments</c>: what paying adds per request through the gateway. The same tiny model is installed free and priced;
/// the same 16×16 upscale goes through the gateway's dispatcher (routing, payment, orchestrator, worker) and over HTTP,
/// for each, in one process, alternating, so the difference is the payment: staging credit and signing tickets in the
/// sender grain, decoding, validating (signature recovery, rand, win check), crediting, holding and debiting in the
/// orchestrator's account grain, and the state writes (in-memory storage, as in the embedded default).
/// The orchestrator's ticket EV defaults to the fee of one job, so every request carries a freshly signed ticket.
/// </summary>
internal static class PaymentOverheadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new CommandArguments(args);
        var concurrencies = arguments.Ints("--concurrency", [1, 8]);
        var warmup = TimeSpan.FromSeconds(arguments.Int("--warmup", 10));
        var duration = TimeSpan.FromSeconds(arguments.Int("--duration", 15));
        var ticketExpectedValue = (long)arguments.Double("--ticket-ev", 16 * 16);
        var rounds = arguments.Int("--rounds", 2);
        var slots = arguments.Int("--slots", 2);
        arguments.EnsureAllRead();

        MachineFacts.Print();
        await using var host = await GatewayHost.StartAsync(slots, new Dictionary<string, string>
        {
            ["Livepeer:Orchestrator:Payments:TicketExpectedValue"] = ticketExpectedValue.ToString(CultureInfo.InvariantCulture),
        });
        var png = ImageCodec.EncodePng(new RgbImage(16, 16, Enumerable.Range(0, 16 * 16 * 3).Select(i => (byte)(i * 7)).ToArray()));
        var dispatcher = host.Services.GetRequiredService<JobDispatcher>();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = host.BaseAddress };
        await WaitUntilServedAsync(http, png);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"payments image=16x16_png price_wei_per_pixel=1 fee_wei={16 * 16} ticket_ev_wei={ticketExpectedValue} slots={slots} warmup_s={warmup.TotalSeconds} duration_s={duration.TotalSeconds} rounds={rounds}"));

        var paths = new[]
        {
            new JobPath("dispatcher-free", async _ => await dispatcher.DispatchAsync(Job(GatewayHost.FreeModelId, png), CancellationToken.None)),
            new JobPath("dispatcher-paid", async _ => await dispatcher.DispatchAsync(Job(GatewayHost.ModelId, png), CancellationToken.None)),
            new JobPath("http-free", async _ => await PostAsync(http, png, GatewayHost.FreeModelId)),
            new JobPath("http-paid", async _ => await PostAsync(http, png, GatewayHost.ModelId)),
        };

        foreach (var concurrency in concurrencies)
        {
            for (var round = 1; round <= rounds; round++)
            {
                var results = new List<LoadResult>();
                foreach (var path in paths)
                {
                    var result = await ClosedLoopLoad.RunAsync(path, concurrency, warmup, duration);
                    Console.WriteLine(result.Line());
                    if (result.FirstError is { } error) Console.WriteLine($"payments-error path={result.Path} first={error}");
                    results.Add(result);
                }

                PrintAdded("dispatcher", concurrency, round, results[0], results[1]);
                PrintAdded("http", concurrency, round, results[2], results[3]);
            }
        }

        var payments = host.Services.GetRequiredService<GatewayPayments>();
        var sender = await payments.For(GatewayHost.Orchestrator).GetStatusAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"payments-tickets jobs_paid={sender.JobsPaid} tickets_sent={sender.TicketsSent} tickets_per_job={(double)sender.TicketsSent / Math.Max(1, sender.JobsPaid):F2} fees_wei={sender.FeesPaid}"));
        MachineFacts.Print();
        return 0;
    }

    private static void PrintAdded(string path, int concurrency, int round, LoadResult free, LoadResult paid) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"payment-added path={path} concurrency={concurrency} round={round} p50_ms={paid.LatencyMs.At(50) - free.LatencyMs.At(50):F3} " +
            $"p90_ms={paid.LatencyMs.At(90) - free.LatencyMs.At(90):F3} p99_ms={paid.LatencyMs.At(99) - free.LatencyMs.At(99):F3} " +
            $"free_jobs_per_s={free.JobsPerSecond:F0} paid_jobs_per_s={paid.JobsPerSecond:F0} errors={free.Errors + paid.Errors} (goal <= 0.5 ms)"));

    private static JobRequest Job(string model, byte[] png) =>
        new(Guid.NewGuid().ToString("N"), PipelineNames.Upscale, model, ImmutableDictionary<string, string>.Empty.Add("seed", "1"), png);

    private static async Task PostAsync(HttpClient http, byte[] png, string model)
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "prompt" }, { new StringContent(model), "model_id" }, { new ByteArrayContent(png), "image", "blob" } };
        using var response = await http.PostAsync(new Uri("/upscale", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task WaitUntilServedAsync(HttpClient http, byte[] png)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await PostAsync(http, png, GatewayHost.ModelId);
                await PostAsync(http, png, GatewayHost.FreeModelId);
                return;
            }
            catch (InvalidOperationException) when (attempt < 100)
            {
                await Task.Delay(200);
            }
        }
    }
}
