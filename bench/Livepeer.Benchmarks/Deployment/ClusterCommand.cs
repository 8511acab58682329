using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Livepeer.Benchmarks.Cli;
using Livepeer.Media;
using Livepeer.Testing;
using Npgsql;

namespace Livepeer.Benchmarks.Deployment;

/// <summary>
/// <c>cluster</c>: the production layout as OS processes (PostgreSQL, gateway, orchestrator, worker from the role files
/// in silo-config/), timed: from starting the three processes to the first successful paid <c>/upscale</c>, and from
/// SIGKILLing the worker (starting its replacement at once) to the first successful request after it, twice: restarted
/// on the same endpoint (a container restart in its pod) and replaced on new ports (a new pod elsewhere). Each run uses
/// a fresh database. The host must be built in Release (<c>dotnet build src/Livepeer.Host -c Release</c>).
/// </summary>
internal static class ClusterCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandArguments(args);
        var runs = options.Int("--runs", 3);
        var showLogs = options.Flag("--logs");
        options.EnsureAllRead();

        var hostDll = Path.Combine(RepositoryRoot.Path, "src", "Livepeer.Host", "bin", "Release", "net10.0", "linux-x64", "Livepeer.Host.dll");
        if (!File.Exists(hostDll))
            throw new CommandLineException($"{hostDll} is missing: dotnet build src/Livepeer.Host -c Release");

        MachineFacts.Print();
        var postgres = await LocalPostgresCluster.StartAsync();
        try
        {
            var coldStarts = new List<double>();
            var restarts = new List<double>();
            var replacements = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var database = await CreateDatabaseAsync(postgres.AdminConnectionString, $"bench_cluster_{run}_{Environment.ProcessId}");
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
            await postgres.StopAsync();
        }
    }

    private static string Summary(List<double> values)
    {
        values.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"median {values[values.Count / 2]:F0} ms (min {values[0]:F0}, max {values[^1]:F0})");
    }

    private static async Task<string> CreateDatabaseAsync(string admin, string name)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Polls POST /upscale every 100 ms until one answers 200; 503/504 and refused connections mean "not yet".</summary>
    private static async Task FirstSuccessAsync(HttpClient http, DeploymentCluster cluster)
    {
        var png = ImageCodec.EncodePng(new RgbImage(24, 16, new byte[24 * 16 * 3]));
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent("sharper"), "prompt");
            var image = new ByteArrayContent(png);
            image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(image, "image", "in.png");
            try
            {
                using var response = await http.PostAsync(new Uri(cluster.GatewayUrl, "/upscale"), form);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The gateway is not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No successful request within 3 minutes:\n{cluster.Output}");
    }
}
