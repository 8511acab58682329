using Livepeer.Payments.Chain;
using Microsoft.Extensions.Options;

namespace Livepeer.Grains.Payments;

/// <summary>Start-up checks of <see cref="SenderPaymentOptions"/>, including that the key loads; messages name the key.</summary>
internal sealed class SenderPaymentOptionsValidator : IValidateOptions<SenderPaymentOptions>
{
    public ValidateOptionsResult Validate(string? name, SenderPaymentOptions options)
    {
        const string s = SenderPaymentOptions.Section;
        var errors = new List<string>();
        if (options.MaxTicketExpectedValue <= 0)
            errors.Add($"{s}:MaxTicketExpectedValue must be positive, got {options.MaxTicketExpectedValue}.");
        if (options.MaxTotalExpectedValue < options.MaxTicketExpectedValue)
            errors.Add($"{s}:MaxTotalExpectedValue ({options.MaxTotalExpectedValue}) must be at least MaxTicketExpectedValue ({options.MaxTicketExpectedValue}).");
        if (options.DepositMultiplier < 1)
            errors.Add($"{s}:DepositMultiplier must be at least 1, got {options.DepositMultiplier}.");
        if (options.RefreshBlocks < 1)
            errors.Add($"{s}:RefreshBlocks must be at least 1, got {options.RefreshBlocks}.");
        if (options.FundsCacheTime <= TimeSpan.Zero)
            errors.Add($"{s}:FundsCacheTime must be positive, got {options.FundsCacheTime}.");
        if (!string.IsNullOrWhiteSpace(options.KeyFile)
            && SigningKeyFile.Load(options.KeyFile, options.KeyPassword, options.KeyPasswordFile, s) is { Problem: { } problem })
            errors.Add(problem);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
