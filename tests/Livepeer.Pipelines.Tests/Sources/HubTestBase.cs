using Livepeer.Pipelines.Sources;

namespace Livepeer.Pipelines.Tests.Sources;

/// <summary>A fresh <see cref="FakeHub"/> and temp folder per test, and sources pointed at the hub.</summary>
public abstract class HubTestBase : IAsyncLifetime
{
    private protected FakeHub Hub { get; private set; } = null!;

    private protected TempFolder Temp { get; } = new();

    /// <summary>Where models are installed; the model folder is <see cref="Folder"/>.</summary>
    private protected string ModelsRoot => Temp.Combine("models");

    private protected string Folder => Path.Combine(ModelsRoot, "acme", "tiny-upscaler");

    public async Task InitializeAsync() => Hub = await FakeHub.StartAsync();

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        Temp.Dispose();
    }

    private protected HuggingFaceSource Source(string[]? include = null, string? token = null, string revision = "main", TimeProvider? time = null) =>
        new(new HuggingFaceRepository
        {
            Repo = SourceFixtures.RepoId,
            Revision = revision,
            Include = include ?? ["onnx/"],
            Token = token,
            Endpoint = Hub.Endpoint,
        }, time ?? TimeProvider.System, logger: null);

    private protected string InFolder(string relative) => Path.Combine(Folder, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The requests for <paramref name="file"/>'s content, at the Hub's <c>resolve</c> or at the CDN.</summary>
    private protected List<FakeRequest> ContentRequests(FakeFile file) =>
        [.. Hub.Requests.Where(request => (request.Server == "hub" && request.Path.Contains("/resolve/", StringComparison.Ordinal) && request.Path.EndsWith("/" + file.Path, StringComparison.Ordinal))
            || (request.Server == "cdn" && request.Path == "/blobs/" + file.Sha256))];

    /// <summary>The files in the model folder, relative and <c>/</c>-separated, hidden ones included.</summary>
    private protected List<string> FolderFiles() => Directory.Exists(Folder)
        ? [.. Directory.EnumerateFiles(Folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(path => Path.GetRelativePath(Folder, path).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal)]
        : [];
}
