using Microsoft.Extensions.Options;

namespace Livepeer.Grains.Orchestration;

/// <summary>Start-up checks of <see cref="OrchestratorOptions"/>, including the whole aiModels file; messages name the key.</summary>
internal sealed class OrchestratorOptionsValidator : IValidateOptions<OrchestratorOptions>
{
    public ValidateOptionsResult Validate(string? name, OrchestratorOptions options)
    {
        var errors = new List<string>();
        const string s = OrchestratorOptions.Section;
        if (!EthereumAddress.TryNormalize(options.Address, out _))
            errors.Add($"{s}:Address must be an Ethereum address (0x + 40 hex digits), got '{options.Address}'.");
        if (options.KeepWarmInterval <= TimeSpan.Zero)
            errors.Add($"{s}:KeepWarmInterval must be positive, got {options.KeepWarmInterval}.");
        try
        {
            AiModelsFile.Load(options.AiModelsPath);
        }
        catch (AiModelsException e)
        {
            errors.Add($"{s}:AiModelsPath ('{options.AiModelsPath}'): {e.Message}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
