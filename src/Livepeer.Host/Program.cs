using Livepeer.Host.Hosting;

if (HealthCheckCommand.IsRequested(args))
    return await HealthCheckCommand.RunAsync(args);

// `check-config`: build the host from the configuration and run every start-up check, then exit without starting:
// 0 when it would start, 2 with one line per problem (as a real start) when it would not.
var checkOnly = args is ["check-config", ..];
if (checkOnly) args = args[1..];

try
{
    var builder = WebApplication.CreateBuilder(args);
    var configFile = LivepeerConfigurationFile.Add(builder.Configuration, args);
    var roles = builder.AddLivepeerSilo();
    builder.Services.AddHostedService<StartupBanner>();

    var app = builder.Build();
    app.ValidateLivepeerOptions();
    if (checkOnly)
    {
        Console.WriteLine($"Configuration OK: roles {roles}, file {configFile ?? "(none)"}.");
        return 0;
    }

    app.MapLivepeerStatus();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (ConfigurationErrors.Describe(e) is { } problems)
{
    await Console.Error.WriteLineAsync("Livepeer.Host refused to start: the configuration is wrong.");
    foreach (var problem in problems)
        await Console.Error.WriteLineAsync("  " + problem);
    return 2;
}

/// <summary>The host's entry point (public for integration tests).</summary>
public partial class Program;
