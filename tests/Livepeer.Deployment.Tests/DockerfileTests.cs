using System.Text.Json;
using Livepeer.Host.Hosting;
using Livepeer.Testing;

namespace Livepeer.Deployment.Tests;

/// <summary>
/// The two Dockerfiles, parsed (no container engine runs here): bases, a non-root user, the health check the host
/// answers, the ports the silo-configs use, ffmpeg, and every file they copy exists in the repository.
/// </summary>
public sealed class DockerfileTests
{
    public static readonly TheoryData<string> Files = new("docker/cpu.Dockerfile", "docker/gpu.Dockerfile");

    [Theory]
    [MemberData(nameof(Files))]
    public void Dockerfile_NonRootUser_HealthCheckOnTheHostsHealthPath_ExposesTheConfiguredPorts(string path)
    {
        var file = Dockerfile.Load(path);
        var final = file.FinalStage;

        var user = final.Last("USER");
        Assert.True(int.TryParse(user, out var uid) && uid > 0, $"USER must be a numeric non-root id, got '{user}'.");
        var health = final.Last("HEALTHCHECK");
        Assert.Contains("\"Livepeer.Host.dll\"", health.Replace("/app/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"\"{HealthCheckCommand.DefaultUrl}\"", health, StringComparison.Ordinal);
        Assert.Contains(new Uri(HealthCheckCommand.DefaultUrl).AbsolutePath, StatusEndpoints.HealthPaths);
        Assert.Equal("[\"dotnet\", \"/app/Livepeer.Host.dll\"]", final.Last("ENTRYPOINT"));
        Assert.Equal("/app", final.Last("WORKDIR"));

        var exposed = final.Last("EXPOSE").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();
        foreach (var role in new[] { "gateway", "orchestrator", "worker" })
        {
            using var config = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Require(Path.Combine("silo-config", $"{role}.json"))));
            var cluster = config.RootElement.GetProperty("Livepeer").GetProperty("Cluster");
            Assert.Contains(new Uri(config.RootElement.GetProperty("Urls").GetString()!).Port, exposed);
            Assert.Contains(cluster.GetProperty("SiloPort").GetInt32(), exposed);
            Assert.Contains(cluster.GetProperty("GatewayPort").GetInt32(), exposed);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Dockerfile_InstallsFfmpeg_CopiesOnlyWhatExists_PublishesTheHost(string path)
    {
        var file = Dockerfile.Load(path);

        Assert.Contains(file.FinalStage.All("RUN"), run => run.Contains("ffmpeg", StringComparison.Ordinal));
        Assert.Contains(file.Stages[0].All("RUN"), run => run.Contains("dotnet publish src/Livepeer.Host/Livepeer.Host.csproj", StringComparison.Ordinal));
        foreach (var copy in file.FinalStage.All("COPY").Where(c => !c.StartsWith("--from=", StringComparison.Ordinal)))
        {
            var source = copy.Split(' ')[0];
            Assert.True(Directory.Exists(Path.Combine(RepositoryRoot.Path, source)) || File.Exists(Path.Combine(RepositoryRoot.Path, source)), $"{path}: COPY source '{source}' does not exist.");
        }
    }

    [Fact]
    public void GpuDockerfile_Cuda13WithCudnn9Runtime_TheDotnetRuntimeFromMicrosoftsImage()
    {
        var file = Dockerfile.Load("docker/gpu.Dockerfile");

        Assert.Matches(@"^nvidia/cuda:13\.\d+\.\d+-cudnn-runtime-ubuntu\d+\.\d+$", file.FinalStage.From);
        Assert.Contains(file.Stages, s => s.From.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", StringComparison.Ordinal));
        Assert.Contains(file.FinalStage.All("COPY"), c => c.StartsWith("--from=dotnet /usr/share/dotnet", StringComparison.Ordinal));
        Assert.Equal("silo-config/worker.json", file.FinalStage.Env("LIVEPEER_CONFIG"));
    }

    [Fact]
    public void CpuDockerfile_AspNetRuntimeBase()
    {
        var file = Dockerfile.Load("docker/cpu.Dockerfile");

        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", file.FinalStage.From, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", file.Stages[0].From, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputsCachesAndGitOut()
    {
        var ignored = File.ReadAllLines(RepositoryRoot.Require(".dockerignore"));

        foreach (var entry in new[] { "**/bin/", "**/obj/", ".git/", ".cache/" })
            Assert.Contains(entry, ignored);
    }
}
