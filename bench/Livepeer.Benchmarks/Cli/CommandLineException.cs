namespace Livepeer.Benchmarks.Cli;

/// <summary>A command line option is missing its value or has a malformed one.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
