namespace Livepeer.Testing;

/// <summary>
/// Third-party files that tests need but the repository does not hold (converted models, vocabularies, reference
/// images). <c>./test.sh</c> fetches them first with <c>tools/Livepeer.ModelTool fetch all</c>; a missing asset fails
/// the test with the command that fetches it, never skips it.
/// </summary>
public static class TestAssets
{
    /// <summary>The asset folder: <c>LIVEPEER_ASSETS</c>, else <c>.cache/assets</c> in the repository.</summary>
    public static string Root
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("LIVEPEER_ASSETS");
            if (!string.IsNullOrWhiteSpace(configured))
                return configured;
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Livepeer.Orleans.sln")))
                    return Path.Combine(folder.FullName, ".cache", "assets");
            }

            throw new InvalidOperationException("The repository root (Livepeer.Orleans.sln) is not above the test binaries; set LIVEPEER_ASSETS.");
        }
    }

    /// <summary>The full path of an asset file or folder; throws, naming the fetch command, when it is missing.</summary>
    public static string Require(string relativePath, string fetcher)
    {
        var path = Path.Combine(Root, relativePath);
        if (File.Exists(path) || Directory.Exists(path))
            return path;
        throw new FileNotFoundException(
            $"Test asset '{relativePath}' is missing under {Root}. Fetch it with: dotnet run --project tools/Livepeer.ModelTool -- fetch {fetcher}",
            path);
    }
}
