using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using System.Numerics;
using Livepeer.Client.Cluster;
using Livepeer.Contracts;
using Livepeer.Media;
using Livepeer.Testing;
using Xunit.Abstractions;

namespace Livepeer.Host.Tests;

/// <summary>
/// The orchestrator's process is killed (SIGKILL) holding winning tickets it has not redeemed; a new process on the same
/// PostgreSQL database redeems each of them exactly once on the chain.
/// </summary>
[Collection(PostgresServer.CollectionName)]
public sealed class RedemptionRestartTests(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private const string Model = "livepeer/tiny-upscaler-x2";
    private const long PricePerPixel = 100_000_000_000_000;
    private const long TicketExpectedValue = 10_000_000_000_000_000;
    private readonly string directory = Directory.CreateTempSubdirectory("livepeer-redemption-restart-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task KilledOrchestrator_UnredeemedWinners_RedeemedExactlyOnceAfterRestart()
    {
        var database = await postgres.CreateDatabaseAsync("redeem");
        await using var broker = await LocalTicketBroker.StartAsync();
        await broker.FundAsync(0, BigInteger.Pow(10, 19), BigInteger.Pow(10, 19));
        var orchestrator = broker.Chain.Accounts[1];
        var configuration = Configuration(database, broker);

        // First life: paid jobs over HTTP leave winners waiting for their parameters to expire.
        IReadOnlyList<PendingRedemption> waiting;
        await using (var first = HostProcess.Start(HostBuild.Dll, configuration.WriteFile(directory), configuration.HttpPort))
        {
            await first.WaitHealthyAsync(TimeSpan.FromSeconds(90));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{configuration.HttpPort}") };
            for (var i = 0; i < 30; i++)
            {
                using var response = await http.PostAsync(new Uri("/upscale", UriKind.Relative), UpscaleForm(i));
                Assert.True(response.StatusCode == HttpStatusCode.OK, first.Output);
            }

            await using (var cluster = await ConnectAsync(database))
                waiting = (await cluster.Client.GetGrain<IRedemptionGrain>(orchestrator).GetStatusAsync()).Pending;
            Assert.NotEmpty(waiting);
            output.WriteLine($"{waiting.Count} winners waiting when the process is killed");
            first.Kill();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(BigInteger.Zero, await broker.FeesEarnedAsync(orchestrator));
        await broker.MineAsync(41);

        // Second life: same database, nothing redeemed by the dead process; the queue resumes at start.
        await using var second = HostProcess.Start(HostBuild.Dll, configuration.WriteFile(directory), configuration.HttpPort);
        await second.WaitHealthyAsync(TimeSpan.FromSeconds(90));
        await using var client = await ConnectAsync(database);
        var redemption = client.Client.GetGrain<IRedemptionGrain>(orchestrator);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        RedemptionStatus status;
        while ((status = await redemption.GetStatusAsync()).Pending.Length > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"still waiting: {string.Join("; ", status.Pending.Select(p => p.LastError))}\n{second.Output}");
            await Task.Delay(200);
        }

        Assert.Equal(waiting.Select(w => w.TicketHash).Order(), status.Recent.Select(r => r.TicketHash).Order());
        Assert.All(status.Recent, r => Assert.Equal(RedemptionOutcome.Redeemed, r.Outcome));
        var faceValues = waiting.Aggregate(BigInteger.Zero, (sum, w) => sum + BigInteger.Parse(w.FaceValue, CultureInfo.InvariantCulture));
        Assert.Equal(faceValues, await broker.FeesEarnedAsync(orchestrator));
        Assert.Equal(waiting.Count, await broker.RedeemedTicketCountAsync(orchestrator));
    }

    private HostConfiguration Configuration(string database, LocalTicketBroker broker)
    {
        var aiModels = Path.Combine(directory, "aiModels.json");
        File.WriteAllText(aiModels, $$"""[ { "pipeline": "upscale", "model_id": "{{Model}}", "capacity": 8, "price_per_unit": {{PricePerPixel}} } ]""");
        var keys = new[] { 0, 1 }.Select(i =>
        {
            var path = Path.Combine(directory, $"account-{i}.key");
            File.WriteAllText(path, broker.Chain.PrivateKeys[i]);
            return path;
        }).ToArray();
        return new HostConfiguration
        {
            PostgresConnectionString = database,
            AiModelsPath = aiModels,
            Orchestrator = broker.Chain.Accounts[1],
            Overrides = new Dictionary<string, string>
            {
                ["Livepeer:Chain:RpcUrl"] = broker.Chain.RpcUrl.ToString(),
                ["Livepeer:Chain:ChainId"] = LocalChain.ChainId.ToString(CultureInfo.InvariantCulture),
                ["Livepeer:Chain:TicketBrokerAddress"] = broker.Address,
                ["Livepeer:Chain:KeyFile"] = keys[1],
                ["Livepeer:Chain:PollInterval"] = "00:00:00.100",
                ["Livepeer:Orchestrator:Payments:TicketExpectedValue"] = TicketExpectedValue.ToString(CultureInfo.InvariantCulture),
                ["Livepeer:Orchestrator:Payments:MaxFaceValue"] = (2 * TicketExpectedValue).ToString(CultureInfo.InvariantCulture),
                ["Livepeer:Orchestrator:Payments:RedeemInterval"] = "00:00:00.200",
                ["Livepeer:Orchestrator:Payments:RetryInterval"] = "00:00:00.200",
                ["Livepeer:Gateway:Payments:KeyFile"] = keys[0],
                ["Livepeer:Gateway:Payments:MaxTicketExpectedValue"] = (100m * TicketExpectedValue).ToString(CultureInfo.InvariantCulture),
                ["Livepeer:Gateway:Payments:MaxTotalExpectedValue"] = (1000m * TicketExpectedValue).ToString(CultureInfo.InvariantCulture),
                ["Livepeer:Gateway:DefaultModels:upscale"] = Model,
            },
        };
    }

    private static MultipartFormDataContent UpscaleForm(int seed)
    {
        var png = ImageCodec.EncodePng(new RgbImage(8, 8, Enumerable.Range(0, 8 * 8 * 3).Select(i => (byte)(i * seed)).ToArray()));
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
        return new MultipartFormDataContent { { new StringContent("x"), "prompt" }, { file, "image", "in.png" } };
    }

    private static Task<LivepeerCluster> ConnectAsync(string database) => LivepeerCluster.ConnectPostgresAsync(database, "livepeer", "livepeer-test");
}
