using System.Globalization;

namespace Livepeer.Benchmarks.Cli;

/// <summary>
/// <c>--name value</c> and <c>--flag</c> options of one sub-command. Options a command does not read are left in
/// <see cref="Unread"/> so that they can be handed on (to BenchmarkDotNet).
/// </summary>
internal sealed class CommandArguments
{
    private readonly List<string> args;

    public CommandArguments(IEnumerable<string> args) => this.args = [.. args];

    public IReadOnlyList<string> Unread => args;

    public bool Flag(string name) => args.Remove(name);

    public string? Text(string name)
    {
        var at = args.IndexOf(name);
        if (at < 0) return null;
        if (at + 1 >= args.Count) throw new CommandLineException($"{name} needs a value");
        var value = args[at + 1];
        args.RemoveRange(at, 2);
        return value;
    }

    public int Int(string name, int fallback) => Text(name) is { } text ? ParseInt(name, text) : fallback;

    public double Double(string name, double fallback) =>
        Text(name) is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new CommandLineException($"{name}: '{text}' is not a number")
            : fallback;

    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback) =>
        Text(name) is { } text ? [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => ParseInt(name, t))] : fallback;

    public IReadOnlyList<string> Words(string name, IReadOnlyList<string> fallback) =>
        Text(name) is { } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : fallback;

    /// <summary>Fails on options nobody read, so that a typo does not silently run the defaults.</summary>
    public void EnsureAllRead()
    {
        if (args.Count > 0) throw new CommandLineException($"unknown option(s): {string.Join(' ', args)}");
    }

    private static int ParseInt(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new CommandLineException($"{name}: '{text}' is not a positive integer");
}
