namespace Livepeer.ModelTool.Fetch;

/// <summary>Where fetched assets live: <c>LIVEPEER_ASSETS</c>, else <c>.cache/assets</c> in the repository (git-ignored).</summary>
internal static class AssetFolder
{
    public static string Default()
    {
        var configured = Environment.GetEnvironmentVariable("LIVEPEER_ASSETS");
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Livepeer.Orleans.sln")))
                return Path.Combine(folder.FullName, ".cache", "assets");
        }

        throw new InvalidOperationException("Run from inside the repository, give an assets folder, or set LIVEPEER_ASSETS.");
    }
}
