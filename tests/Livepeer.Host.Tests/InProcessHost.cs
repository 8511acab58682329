using Livepeer.Host.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Livepeer.Host.Tests;

/// <summary>Builds the host exactly as Program.cs does, from in-memory configuration instead of a file.</summary>
internal static class InProcessHost
{
    public static WebApplication Build(HostConfiguration configuration)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(configuration.ToDictionary());
        builder.AddLivepeerSilo();
        var app = builder.Build();
        app.ValidateLivepeerOptions();
        app.MapLivepeerStatus();
        return app;
    }

    /// <summary>The configuration problems the host reports for <paramref name="configuration"/>, or an empty list when it starts.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(HostConfiguration configuration)
    {
        try
        {
            await using var app = Build(configuration);
            return [];
        }
        catch (Exception e) when (ConfigurationErrors.Describe(e) is { } problems)
        {
            return problems;
        }
    }
}
