using System.Collections.Immutable;
using System.Globalization;
using Livepeer.Pipelines;
using Livepeer.Pipelines.Sources;

namespace Livepeer.ModelTool.Pull;

/// <summary>
/// <c>pull &lt;modelsRoot&gt; &lt;owner/name&gt;</c>: installs a Hugging Face repository's files as a model folder
/// <c>{modelsRoot}/{id}</c>, with a manifest from the options when the repository has none.
/// </summary>
internal static class PullCommand
{
    public const string Usage =
        "pull <modelsRoot> <owner/name> [--revision main] [--include PATTERN]... [--token-env HF_TOKEN] [--endpoint URL] [--id ID]\n" +
        "     [--family onnx-tensor --pipeline upscale... --file model=model.onnx... --memory-mb 64]   (manifest, when the repository has none)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args.Count < 2)
        {
            Console.Error.WriteLine(Usage);
            return 1;
        }

        if (!TryParse([.. args.Skip(2)], out var options, out var problem))
        {
            Console.Error.WriteLine($"pull: {problem}\n{Usage}");
            return 1;
        }

        var (root, repo) = (args[0], args[1]);
        var id = options.GetValueOrDefault("id")?[^1] ?? repo;
        var tokenVariable = options.GetValueOrDefault("token-env")?[^1] ?? "HF_TOKEN";
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            var source = new HuggingFaceSource(new HuggingFaceRepository
            {
                Repo = repo,
                Revision = options.GetValueOrDefault("revision")?[^1] ?? "main",
                Include = options.GetValueOrDefault("include") ?? [],
                Token = Environment.GetEnvironmentVariable(tokenVariable),
                Endpoint = new Uri(options.GetValueOrDefault("endpoint")?[^1] ?? HuggingFaceRepository.DefaultEndpoint),
            });
            var folder = Path.Combine(root, id.Replace('/', Path.DirectorySeparatorChar));
            var model = await ModelInstaller.InstallAsync(source, folder, Manifest(id, options), new ConsoleProgress(), cancel.Token);
            Console.WriteLine($"{model.Id}: installed in {model.Folder}");
            return 0;
        }
        catch (Exception e) when (e is ModelSourceException or InvalidModelException or ArgumentException or UriFormatException)
        {
            Console.Error.WriteLine($"pull: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("pull: cancelled; what was received is kept, and pulling again resumes it.");
            return 130;
        }
    }

    /// <summary>Options as <c>--name value</c> pairs; names may repeat.</summary>
    private static bool TryParse(List<string> args, out Dictionary<string, List<string>> options, out string problem)
    {
        string[] known = ["revision", "include", "token-env", "endpoint", "id", "family", "pipeline", "file", "memory-mb"];
        options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        problem = "";
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : "";
            if (!known.Contains(name) || i + 1 == args.Count)
            {
                problem = i + 1 == args.Count && known.Contains(name) ? $"{args[i]} needs a value" : $"unknown option '{args[i]}'";
                return false;
            }

            if (!options.TryGetValue(name, out var values))
                options[name] = values = [];
            values.Add(args[i + 1]);
        }

        return true;
    }

    /// <summary>The manifest the options describe, or null when they name no family.</summary>
    private static ModelManifest? Manifest(string id, Dictionary<string, List<string>> options)
    {
        if (!options.TryGetValue("family", out var family))
            return null;
        var files = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var file in options.GetValueOrDefault("file") ?? [])
        {
            var (role, _, path) = file.Partition('=');
            files[role] = path;
        }

        if (!long.TryParse(options.GetValueOrDefault("memory-mb")?[^1] ?? "0", CultureInfo.InvariantCulture, out var memory))
            throw new ArgumentException("--memory-mb must be a whole number of MiB.");
        return new ModelManifest
        {
            Id = id,
            Family = family[^1],
            Pipelines = [.. options.GetValueOrDefault("pipeline") ?? []],
            MemoryBytes = memory * 1024 * 1024,
            Files = files.ToImmutable(),
        };
    }

    private static (string Before, bool Found, string After) Partition(this string text, char separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (text, false, "") : (text[..at], true, text[(at + 1)..]);
    }

    /// <summary>A line per file as it completes, with the running total.</summary>
    private sealed class ConsoleProgress : IProgress<ModelSourceProgress>
    {
        public void Report(ModelSourceProgress value)
        {
            if (value.FileBytes == value.FileSize)
                Console.WriteLine($"  {value.File} ({Mib(value.FileSize)}), {Mib(value.TotalBytes)} of {Mib(value.TotalSize)}");
        }

        private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MiB");
    }
}
