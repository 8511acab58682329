namespace Livepeer.Testing;

/// <summary>Finds the repository checkout above the test binaries, for files the tests read from the source tree.</summary>
public static class RepositoryRoot
{
    /// <summary>The folder holding <c>Livepeer.Orleans.sln</c>.</summary>
    public static string Path
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(folder.FullName, "Livepeer.Orleans.sln")))
                    return folder.FullName;
            }

            throw new InvalidOperationException("The repository root (Livepeer.Orleans.sln) is not above the test binaries.");
        }
    }

    /// <summary>A path inside the repository; throws when it does not exist.</summary>
    public static string Require(string relativePath)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"'{relativePath}' is missing from the repository at {Path}.", path);
        return path;
    }
}
