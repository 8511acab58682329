using Microsoft.Extensions.Options;

namespace Livepeer.Host.Hosting;

/// <summary>Runs every start-up options check before anything starts, so a bad key stops the host with one clear message.</summary>
public static class OptionsValidation
{
    /// <summary>Validates all options registered with <c>ValidateOnStart</c>.</summary>
    /// <exception cref="OptionsValidationException">Options are wrong; the failures name their keys.</exception>
    public static void ValidateLivepeerOptions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetService<IStartupValidator>()?.Validate();
    }
}
