using Microsoft.Extensions.Options;

namespace Livepeer.Grains.Payments;

/// <summary>Start-up checks of <see cref="RecipientPaymentOptions"/>; messages name the key.</summary>
internal sealed class RecipientPaymentOptionsValidator : IValidateOptions<RecipientPaymentOptions>
{
    public ValidateOptionsResult Validate(string? name, RecipientPaymentOptions options)
    {
        const string s = RecipientPaymentOptions.Section;
        var errors = new List<string>();
        if (options.TicketExpectedValue <= 0 || decimal.Truncate(options.TicketExpectedValue) != options.TicketExpectedValue)
            errors.Add($"{s}:TicketExpectedValue must be a positive whole number of wei, got {options.TicketExpectedValue}.");
        if (options.MaxFaceValue < 0 || decimal.Truncate(options.MaxFaceValue) != options.MaxFaceValue)
            errors.Add($"{s}:MaxFaceValue must be 0 (no cap) or a whole number of wei, got {options.MaxFaceValue}.");
        else if (options.MaxFaceValue > 0 && options.MaxFaceValue <= options.TicketExpectedValue)
            errors.Add($"{s}:MaxFaceValue ({options.MaxFaceValue}) must be above TicketExpectedValue ({options.TicketExpectedValue}): a ticket cannot be worth less than its expected value.");
        if (options.TxCostMultiplier < 1)
            errors.Add($"{s}:TxCostMultiplier must be at least 1, got {options.TxCostMultiplier}.");
        if (options.RedeemGas < 21_000)
            errors.Add($"{s}:RedeemGas must be at least 21000, got {options.RedeemGas}.");
        if (options.ExpirationBlocks < 2)
            errors.Add($"{s}:ExpirationBlocks must be at least 2 (a gateway refuses parameters within 1 block of expiry), got {options.ExpirationBlocks}.");
        foreach (var (key, value) in new[]
        {
            ("RedeemInterval", options.RedeemInterval), ("RetryInterval", options.RetryInterval),
            ("MaxRetryInterval", options.MaxRetryInterval), ("SenderFundsCacheTime", options.SenderFundsCacheTime),
        })
        {
            if (value <= TimeSpan.Zero) errors.Add($"{s}:{key} must be positive, got {value}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
