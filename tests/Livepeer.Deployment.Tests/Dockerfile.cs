using Livepeer.Testing;

namespace Livepeer.Deployment.Tests;

/// <summary>A Dockerfile read into its build stages and instructions (continuation lines joined, comments dropped).</summary>
internal sealed record Dockerfile(IReadOnlyList<Dockerfile.Stage> Stages)
{
    public Stage FinalStage => Stages[^1];

    public static Dockerfile Load(string relativePath)
    {
        var stages = new List<Stage>();
        var logical = new List<string>();
        var pending = "";
        foreach (var raw in File.ReadAllLines(RepositoryRoot.Require(relativePath)))
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#'))) continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }

            logical.Add(pending + line);
            pending = "";
        }

        foreach (var instruction in logical)
        {
            var space = instruction.IndexOf(' ', StringComparison.Ordinal);
            var (keyword, argument) = (instruction[..space].ToUpperInvariant(), instruction[(space + 1)..].Trim());
            if (keyword == "FROM")
                stages.Add(new Stage(argument.Split(' ')[0], []));
            else if (stages.Count == 0)
                throw new InvalidOperationException($"{relativePath}: {keyword} before the first FROM.");
            else
                stages[^1].Instructions.Add((keyword, argument));
        }

        return new Dockerfile(stages);
    }

    /// <summary>One <c>FROM</c> and the instructions after it.</summary>
    internal sealed record Stage(string From, List<(string Keyword, string Argument)> Instructions)
    {
        public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Argument);

        public string Last(string keyword) => All(keyword).LastOrDefault() ?? throw new InvalidOperationException($"The stage from {From} has no {keyword}.");

        /// <summary>A variable set by an <c>ENV key=value …</c> instruction of this stage.</summary>
        public string? Env(string key) => All("ENV")
            .SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0] == key)
            .Select(p => p[1])
            .LastOrDefault();
    }
}
