namespace Livepeer.Pipelines.Tests;

internal static class RepositoryRoot
{
    private const string SolutionFile = "Livepeer.Orleans.sln";

    /// <summary>The nearest folder above the test binaries that holds the solution file.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, SolutionFile)))
                return folder.FullName;
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' contains {SolutionFile}.");
    }
}
