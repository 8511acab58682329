namespace Livepeer.Host.Tests;

/// <summary>The host refuses to start on bad configuration, with a message that names the key.</summary>
public sealed class BadConfigurationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("livepeer-config-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Build_GoodConfiguration_HasNoProblems() =>
        Assert.Empty(await InProcessHost.ProblemsAsync(new HostConfiguration()));

    [Fact]
    public async Task Build_UnknownRole_NamesLivepeerRoles() =>
        AssertNames("Livepeer:Roles: unknown role 'transcoder'", await InProcessHost.ProblemsAsync(new HostConfiguration { Roles = "gateway,transcoder" }));

    [Fact]
    public async Task Build_MissingModelFolder_NamesModelsPath() =>
        AssertNames("Livepeer:Worker:ModelsPath: model folder", await InProcessHost.ProblemsAsync(new HostConfiguration { ModelsPath = Path.Combine(directory, "no-such-folder") }));

    [Fact]
    public async Task Build_UnknownPipelineInAiModels_NamesTheFileEntryAndField()
    {
        var problems = await InProcessHost.ProblemsAsync(new HostConfiguration { AiModelsPath = AiModels("""[ { "pipeline": "text-to-sound", "model_id": "m" } ]""") });

        AssertNames("Livepeer:Orchestrator:AiModelsPath", problems);
        AssertNames("entry 0 'pipeline': unknown pipeline 'text-to-sound'", problems);
    }

    [Fact]
    public async Task Build_NegativeCapacityInAiModels_NamesTheField() =>
        AssertNames("entry 0 'capacity': must be a positive integer, got -2",
            await InProcessHost.ProblemsAsync(new HostConfiguration { AiModelsPath = AiModels("""[ { "pipeline": "upscale", "model_id": "m", "capacity": -2 } ]""") }));

    [Theory]
    [InlineData("Livepeer:Worker:Devices:0:Slots", "-1", "Livepeer:Worker:Devices:0:Slots must be positive, got -1")]
    [InlineData("Livepeer:Worker:Devices:0:MemoryMb", "-512", "Livepeer:Worker:Devices:0:MemoryMb must be positive, got -512")]
    [InlineData("Livepeer:Worker:Devices:0:Kind", "tpu", "Livepeer:Worker:Devices:0:Kind must be 'cpu' or 'cuda', got 'tpu'")]
    [InlineData("Livepeer:Worker:Devices:0:CudaOptions:prefer_nchw", "1", "Livepeer:Worker:Devices:0:CudaOptions:prefer_nchw is not an ONNX Runtime CUDA provider option")]
    [InlineData("Livepeer:Worker:Devices:0:CudaOptions:cudnn_conv_algo_search", "FASTEST", "Livepeer:Worker:Devices:0:CudaOptions:cudnn_conv_algo_search must be EXHAUSTIVE, HEURISTIC or DEFAULT, got 'FASTEST'")]
    [InlineData("Livepeer:Orchestrator:Address", "0x123", "Livepeer:Orchestrator:Address must be an Ethereum address")]
    [InlineData("Livepeer:Cluster:Clustering", "zookeeper", "Livepeer:Cluster:Clustering must be 'localhost' or 'postgres', got 'zookeeper'")]
    [InlineData("Livepeer:Cluster:SiloPort", "70000", "Livepeer:Cluster:SiloPort must be a TCP port")]
    [InlineData("Livepeer:Storage:Provider", "redis", "Livepeer:Storage:Provider must be 'memory' or 'postgres', got 'redis'")]
    [InlineData("Livepeer:Orchestrator:Payments:MaxFaceValue", "1000", "Livepeer:Orchestrator:Payments:MaxFaceValue (1000) must be above TicketExpectedValue")]
    [InlineData("Livepeer:Orchestrator:Payments:TicketExpectedValue", "0.5", "Livepeer:Orchestrator:Payments:TicketExpectedValue must be a positive whole number of wei")]
    [InlineData("Livepeer:Gateway:Payments:KeyFile", "/no/such/key", "Livepeer:Gateway:Payments:KeyFile '/no/such/key' cannot be read")]
    [InlineData("Livepeer:Gateway:Payments:DepositMultiplier", "0", "Livepeer:Gateway:Payments:DepositMultiplier must be at least 1")]
    [InlineData("Livepeer:Chain:RpcUrl", "ws://127.0.0.1:8545", "Livepeer:Chain:RpcUrl must be an absolute http or https URI")]
    public async Task Build_BadValue_NamesTheKey(string key, string value, string expected) =>
        AssertNames(expected, await InProcessHost.ProblemsAsync(new HostConfiguration { Overrides = { [key] = value } }));

    [Fact]
    public async Task Build_ChainWithoutTicketBroker_NamesTheKey() =>
        AssertNames("Livepeer:Chain:TicketBrokerAddress must be a 0x address of 40 hex digits",
            await InProcessHost.ProblemsAsync(new HostConfiguration { Overrides = { ["Livepeer:Chain:RpcUrl"] = "http://127.0.0.1:8545" } }));

    [Fact]
    public async Task Build_CorruptModelManifest_NamesModelsPathAndTheFile()
    {
        var models = Path.Combine(directory, "models", "broken");
        Directory.CreateDirectory(models);
        await File.WriteAllTextAsync(Path.Combine(models, "manifest.json"), "{ not json");

        var problems = await InProcessHost.ProblemsAsync(new HostConfiguration { ModelsPath = Path.GetDirectoryName(models)! });

        AssertNames("Livepeer:Worker:ModelsPath: Model manifest", problems);
        AssertNames(Path.Combine(models, "manifest.json"), problems);
    }

    private string AiModels(string json)
    {
        var path = Path.Combine(directory, $"aiModels-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static void AssertNames(string expected, IReadOnlyList<string> problems) =>
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"Expected a problem containing \"{expected}\"; got: {string.Join(" | ", problems)}");
}
