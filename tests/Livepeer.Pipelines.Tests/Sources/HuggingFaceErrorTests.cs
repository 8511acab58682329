using Livepeer.Pipelines.Sources;

namespace Livepeer.Pipelines.Tests.Sources;

/// <summary>What the Hub refuses, and how the error reads.</summary>
public sealed class HuggingFaceErrorTests : HubTestBase
{
    [Fact]
    public async Task FetchAsync_PrivateRepositoryWithoutToken_ThrowsAskingForAToken()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true, token: "hf_secret"));

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => Source().FetchAsync(Folder));

        Assert.Contains($"'{SourceFixtures.RepoId}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("without a token (401)", error.Message, StringComparison.Ordinal);
        Assert.Contains("give a token", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public async Task FetchAsync_WrongToken_ThrowsSayingTheTokenWasRefusedWithoutShowingIt()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true, token: "hf_secret"));

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => Source(token: "hf_wrong").FetchAsync(Folder));

        Assert.Contains("refused the token (401)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_GatedRepositoryNotGranted_ThrowsSayingSo()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true, token: "hf_secret", gated: true));

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => Source(token: "hf_secret").FetchAsync(Folder));

        Assert.Contains("gated", error.Message, StringComparison.Ordinal);
        Assert.Contains("(403)", error.Message, StringComparison.Ordinal);
        Assert.Contains("not in the authorized list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_MissingRepository_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<ModelSourceException>(() => Source().FetchAsync(Folder));

        Assert.Contains($"'{SourceFixtures.RepoId}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("repository does not exist (404)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_MissingRevision_ThrowsNamingTheRevision()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true));

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => Source(revision: "v9").FetchAsync(Folder));

        Assert.Contains("revision 'v9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("revision does not exist (404)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ListedFileMissingOnDownload_ThrowsNamingTheFile()
    {
        var repo = Hub.AddRepo(SourceFixtures.Repo(withManifest: true));
        repo.Find(SourceFixtures.ModelPath)!.Missing = true;

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => Source().FetchAsync(Folder));

        Assert.Contains($"file '{SourceFixtures.ModelPath}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist at that commit (404)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_PatternMatchesNothing_ThrowsNamingThePattern()
    {
        Hub.AddRepo(SourceFixtures.Repo(withManifest: true));

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => Source(["onnx/", "**/*.safetensors"]).FetchAsync(Folder));

        Assert.Contains("'**/*.safetensors' matches no file", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Hub.Requests, request => request.Server == "cdn");
    }

    [Fact]
    public async Task FetchAsync_HubUnreachable_ThrowsNamingTheAddress()
    {
        var endpoint = Hub.Endpoint;
        await Hub.DisposeAsync();
        var source = new HuggingFaceSource(new HuggingFaceRepository { Repo = SourceFixtures.RepoId, Endpoint = endpoint });

        var error = await Assert.ThrowsAsync<ModelSourceException>(() => source.FetchAsync(Folder));

        Assert.Contains($"could not reach {endpoint.GetLeftPart(UriPartial.Authority)}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Repo")]
    [InlineData("a/b/c", "Repo")]
    [InlineData("a/../b", "Repo")]
    [InlineData("acme/x y", "Repo")]
    public void Constructor_BadRepositoryId_ThrowsArgumentException(string repo, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new HuggingFaceSource(new HuggingFaceRepository { Repo = repo }));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Constructor_BadPatternOrEndpoint_ThrowsArgumentException()
    {
        Assert.Equal("Include", Assert.ThrowsAny<ArgumentException>(() => new HuggingFaceSource(new HuggingFaceRepository { Repo = "a/b", Include = ["../x"] })).ParamName);
        Assert.Equal("Endpoint", Assert.ThrowsAny<ArgumentException>(() => new HuggingFaceSource(new HuggingFaceRepository { Repo = "a/b", Endpoint = new Uri("ftp://hub") })).ParamName);
    }
}
