namespace Livepeer.ModelTool.Fetch;

/// <summary>Every fetcher the tool knows, and <c>fetch all</c>.</summary>
internal static class AssetFetchers
{
    public static IReadOnlyList<IAssetFetcher> All { get; } =
    [
        new EsrganFetcher(),
        new PhotosFetcher(),
        new ClipVocabFetcher(),
    ];

    public static async Task<int> RunAsync(string what, string assetsRoot)
    {
        var chosen = what == "all" ? All : All.Where(f => f.Name == what).ToList();
        if (chosen.Count == 0 && what != "all")
        {
            Console.Error.WriteLine($"unknown asset '{what}'; known: all, {string.Join(", ", All.Select(f => f.Name))}");
            return 1;
        }

        foreach (var fetcher in chosen)
        {
            Console.WriteLine($"fetch {fetcher.Name} → {Path.GetFullPath(assetsRoot)}");
            await fetcher.FetchAsync(assetsRoot, CancellationToken.None);
        }

        return 0;
    }

    public static string Usage => string.Join(Environment.NewLine, All.Select(f => $"  fetch {f.Name} [assetsRoot]   {f.Description}"));
}
