using Livepeer.Payments.Chain;
using Microsoft.Extensions.Options;

namespace Livepeer.Grains.Payments;

/// <summary>Start-up checks of <see cref="ChainOptions"/> (only when a node is configured); messages name the key.</summary>
internal sealed class ChainOptionsValidator : IValidateOptions<ChainOptions>
{
    public ValidateOptionsResult Validate(string? name, ChainOptions options)
    {
        var problems = ChainOptions.Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
