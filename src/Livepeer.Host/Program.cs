using Livepeer.Host.Hosting;

if (HealthCheckCommand.IsRequested(args))
    return await HealthCheckCommand.RunAsync(args);

try
{
    var builder = WebApplication.CreateBuilder(args);
    LivepeerConfigurationFile.Add(builder.Configuration, args);
    builder.AddLivepeerSilo();
    builder.Services.AddHostedService<StartupBanner>();

    var app = builder.Build();
    app.ValidateLivepeerOptions();
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
