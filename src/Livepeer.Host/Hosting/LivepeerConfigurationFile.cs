using Microsoft.Extensions.Configuration.Json;

namespace Livepeer.Host.Hosting;

/// <summary>
/// Adds the silo-config file: <c>--config &lt;path&gt;</c>, else <c>LIVEPEER_CONFIG</c>, else <c>silo-config/all-in-one.json</c>
/// when it exists. It sits above appsettings and below environment variables and the command line, so both override it.
/// </summary>
public static class LivepeerConfigurationFile
{
    /// <summary>Default file, relative to the working directory.</summary>
    public const string DefaultPath = "silo-config/all-in-one.json";

    /// <summary>Adds the file to <paramref name="configuration"/>; returns its full path, or null when none is used.</summary>
    /// <exception cref="LivepeerConfigurationException">An explicitly named file does not exist.</exception>
    public static string? Add(ConfigurationManager configuration, string[] args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var explicitPath = ArgumentValue(args, "--config") ?? Environment.GetEnvironmentVariable("LIVEPEER_CONFIG");
        var path = explicitPath ?? (File.Exists(DefaultPath) ? DefaultPath : null);
        if (path is null) return null;

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new LivepeerConfigurationException($"--config / LIVEPEER_CONFIG: configuration file '{full}' does not exist.");

        var source = new JsonConfigurationSource { Path = full, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();
        var sources = configuration.Sources;
        var lastJson = -1;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource) lastJson = i;
        }

        sources.Insert(lastJson + 1, source);
        return full;
    }

    private static string? ArgumentValue(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length) return args[i + 1];
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal)) return args[i][(name.Length + 1)..];
        }

        return null;
    }
}
