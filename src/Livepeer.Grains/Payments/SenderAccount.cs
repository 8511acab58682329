using Livepeer.Payments;
using Livepeer.Payments.Chain;
using Nethereum.Signer;

namespace Livepeer.Grains.Payments;

/// <summary>The gateway's signing key and address (from <see cref="SenderPaymentOptions.KeyFile"/>, or a throwaway key).</summary>
public sealed class SenderAccount
{
    private SenderAccount(EthECKey key, bool ephemeral)
    {
        Key = key;
        Address = EthAddress.Parse(key.GetPublicAddress());
        Ephemeral = ephemeral;
    }

    /// <summary>The address orchestrators credit.</summary>
    public EthAddress Address { get; }

    /// <summary>True when the key was made for this process only.</summary>
    public bool Ephemeral { get; }

    internal EthECKey Key { get; }

    /// <summary>Loads the configured key, or makes a throwaway one when none is configured.</summary>
    /// <exception cref="InvalidOperationException">The key file is set but cannot be used; the message names the setting.</exception>
    public static SenderAccount Load(SenderPaymentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.KeyFile))
            return new SenderAccount(EthECKey.GenerateKey(), ephemeral: true);
        var (key, problem) = SigningKeyFile.Load(options.KeyFile, options.KeyPassword, options.KeyPasswordFile, SenderPaymentOptions.Section);
        return key is not null ? new SenderAccount(key, ephemeral: false) : throw new InvalidOperationException(problem);
    }
}
