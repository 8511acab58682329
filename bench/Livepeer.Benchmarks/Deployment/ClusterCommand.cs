using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Livepeer.Benchmarks.Cli;
using Livepeer.Media;
using Livepeer.Testing;

namespace Livepeer.Benchmarks.Deployment;

/// <summary>
/// <c>cluster</c>: the production layout as OS processes (PostgreSQL, gateway, orchestrator, worker from the role files
/// in silo-config/), timed: from starting the three processes to the first successful paid <c>/upscale</c>, and from
/// SIGKILLing the worker (starting its replacement at once) to the first successful request after it, twice: restarted
/// on the same endpoint (a container restart in its pod) and replaced on new ports (a new pod elsewhere). Each run uses
/// a fresh database. The host must be built in the benchmark's configuration (<c>dotnet build src/Livepeer.Host -c Release</c>).
/// </summary>
internal static class ClusterCommand
{
    private static readonly byte[] SmallPng = ImageCodec.EncodePng(new RgbImage(24, 16, new byte[24 * 16 * 3]));

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandArguments(args);
        var runs = options.Int("--runs", 3);
        var showLogs = options.Flag("--logs");
        options.EnsureAllRead();

        var hostDll = HostBuild.Dll;
        MachineFacts.Print();

        // The tests' PostgreSQL: a throwaway server, or the one LIVEPEER_TEST_POSTGRES names.
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            var coldStarts = new List<double>();
            var restarts = new List<double>();
            var replacements = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var database = await postgres.CreateDatabaseAsync($"bench_cluster_{run}");
                var media = Directory.CreateTempSubdirectory("livepeer-bench-cluster-");
                try
                {
                    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                    var started = Stopwatch.GetTimestamp();
                    await using var cluster = DeploymentCluster.Start(hostDll, database, media.FullName, "livepeer-worker-0");
                    await FirstSuccessAsync(http, cluster);
                    var coldStart = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

                    var killed = Stopwatch.GetTimestamp();
                    cluster.ReplaceWorker("livepeer-worker-0", sameEndpoints: true);
                    await FirstSuccessAsync(http, cluster);
                    var restart = Stopwatch.GetElapsedTime(killed).TotalMilliseconds;

                    killed = Stopwatch.GetTimestamp();
                    cluster.ReplaceWorker("livepeer-worker-1", sameEndpoints: false);
                    await FirstSuccessAsync(http, cluster);
                    var replacement = Stopwatch.GetElapsedTime(killed).TotalMilliseconds;
                    if (showLogs) Console.WriteLine(cluster.Output);
                    coldStarts.Add(coldStart);
                    restarts.Add(restart);
                    replacements.Add(replacement);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"cluster run={run} cold_start_to_first_request_ms={coldStart:F0} kill_to_first_request_restarted_in_place_ms={restart:F0} kill_to_first_request_replaced_elsewhere_ms={replacement:F0} {MachineFacts.LoadAverageField()}"));
                }
                finally
                {
                    media.Delete(recursive: true);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cluster summary runs={runs} cold start {Summary(coldStarts)}; restarted in place {Summary(restarts)}; replaced elsewhere {Summary(replacements)}"));
            return 0;
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static string Summary(List<double> values)
    {
        values.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"median {values[values.Count / 2]:F0} ms (min {values[0]:F0}, max {values[^1]:F0})");
    }

    private static Task<string> FirstSuccessAsync(HttpClient http, DeploymentCluster cluster) =>
        cluster.PostUntilOkAsync(http, "/upscale", Upscale, TimeSpan.FromMinutes(3));

    private static MultipartFormDataContent Upscale()
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent("sharper"), "prompt");
        var image = new ByteArrayContent(SmallPng);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "image", "in.png");
        return form;
    }
}
