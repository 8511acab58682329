using System.Collections.Concurrent;
using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.KeyStore;
using Nethereum.Signer;

namespace Livepeer.Payments.Chain;

/// <summary>Loads <see cref="ChainOptions.KeyFile"/>: a 0x-hex private key, or a Web3 Secret Storage (geth) JSON keystore.</summary>
public static class SigningKeyFile
{
    // secp256k1's group order: a private key must lie in [1, n − 1].
    private static readonly BigInteger GroupOrder = BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    // Keystores decrypted in this process, by content and passphrase.
    private static readonly ConcurrentDictionary<(string Json, string Password), byte[]> Decrypted = new();

    /// <summary>The key of <see cref="ChainOptions.KeyFile"/>, or null and a message naming the setting that is wrong.</summary>
    internal static (EthECKey? Key, string? Problem) Load(ChainOptions options) =>
        Load(options.KeyFile, options.KeyPassword, options.KeyPasswordFile, ChainOptions.Section);

    /// <summary>
    /// The key in <paramref name="keyFile"/> (0x-hex, or a JSON keystore decrypted with <paramref name="password"/> or
    /// the first line of <paramref name="passwordFile"/>), or null and a message naming the setting under
    /// <paramref name="section"/> that is wrong (<c>KeyFile</c>, <c>KeyPassword</c>, <c>KeyPasswordFile</c>).
    /// </summary>
    public static (EthECKey? Key, string? Problem) Load(string keyFile, string? password, string? passwordFile, string section)
    {
        ArgumentNullException.ThrowIfNull(keyFile);
        var settings = new KeySettings(keyFile, password ?? "", passwordFile ?? "", section);
        string text;
        try
        {
            text = File.ReadAllText(keyFile).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{settings.Name("KeyFile")} '{keyFile}' cannot be read: {e.Message}");
        }

        return text.StartsWith('{')
            ? FromKeystore(settings, text)
            : FromHex(text) is { } key ? (key, null) : (null, $"{settings.Name("KeyFile")} '{keyFile}' holds neither a 0x-hex private key of 64 digits nor a JSON keystore");
    }

    private static EthECKey? FromHex(string text)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            return null;
        var bytes = hex.HexToByteArray();
        var scalar = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return scalar.IsZero || scalar >= GroupOrder ? null : new EthECKey(bytes, isPrivate: true);
    }

    private static (EthECKey? Key, string? Problem) FromKeystore(KeySettings options, string json)
    {
        var keyFile = options.Name("KeyFile");
        string password;
        if (string.IsNullOrWhiteSpace(options.KeyPasswordFile))
        {
            password = options.KeyPassword;
        }
        else
        {
            try
            {
                // geth's --password convention: the first line, without its line ending, is the passphrase.
                password = File.ReadAllText(options.KeyPasswordFile).Split('\n')[0].TrimEnd('\r');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, $"{options.Name("KeyPasswordFile")} '{options.KeyPasswordFile}' cannot be read: {e.Message}");
            }
        }

        var service = new KeyStoreService();
        byte[] privateKey;
        try
        {
            // Start-up checks the key file and then loads it for use; scrypt at geth's cost takes ~1.5 s a time here.
            privateKey = Decrypted.GetOrAdd((json, password), k => service.DecryptKeyStoreFromJson(k.Password, k.Json));
        }
        // Nethereum reports a wrong passphrase, bad JSON and unknown ciphers with unrelated exception types.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, $"{keyFile} '{options.KeyFile}' does not decrypt as a JSON keystore with the passphrase of {PasswordSource(options)}: {e.Message}");
        }

        var key = new EthECKey(privateKey, isPrivate: true);
        string? stated;
        try
        {
            stated = service.GetAddressFromKeyStore(json);
        }
        // The address field is optional in keystores: failing to read it means there is none to compare.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stated = null;
        }

        // Nethereum does not compare them; a mismatch means the file was edited or assembled from two keystores.
        if (!string.IsNullOrEmpty(stated)
            && !string.Equals(stated.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? stated[2..] : stated, key.GetPublicAddress()[2..], StringComparison.OrdinalIgnoreCase))
            return (null, $"{keyFile} '{options.KeyFile}' states address {stated} but its key is {key.GetPublicAddress()}");
        return (key, null);
    }

    private static string PasswordSource(KeySettings options) =>
        options.Name(string.IsNullOrWhiteSpace(options.KeyPasswordFile) ? "KeyPassword" : "KeyPasswordFile");

    private sealed record KeySettings(string KeyFile, string KeyPassword, string KeyPasswordFile, string Section)
    {
        public string Name(string setting) => Section + ":" + setting;
    }
}
