using System.Buffers;

namespace Livepeer.Payments.Chain;

/// <summary>
/// The Ethereum node, contracts and signing key of <see cref="EthereumPaymentChain"/>. Section <c>Livepeer:Chain</c>;
/// without <see cref="RpcUrl"/> the host runs on <see cref="OffChainPaymentChain"/>.
/// </summary>
public sealed class ChainOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Livepeer:Chain";

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>JSON-RPC endpoint of the node (http or https). Default empty: no chain.</summary>
    public string RpcUrl { get; set; } = "";

    /// <summary>Chain id that transactions are signed for. Default 42161 (Arbitrum One).</summary>
    public long ChainId { get; set; } = 42161;

    /// <summary>TicketBroker (proxy) address, 0x and 40 hex digits. Default empty; required with <see cref="RpcUrl"/>.</summary>
    public string TicketBrokerAddress { get; set; } = "";

    /// <summary>RoundsManager (proxy) address. Default empty: the same as <see cref="TicketBrokerAddress"/>.</summary>
    public string RoundsManagerAddress { get; set; } = "";

    /// <summary>BondingManager (proxy) address. Default empty: the same as <see cref="TicketBrokerAddress"/>.</summary>
    public string BondingManagerAddress { get; set; } = "";

    /// <summary>
    /// The orchestrator's signing key: a file holding a 0x-hex private key, or a Web3 Secret Storage JSON keystore as
    /// geth and go-livepeer write them. Default empty: no key, so nothing can be redeemed.
    /// </summary>
    public string KeyFile { get; set; } = "";

    /// <summary>Passphrase of a keystore <see cref="KeyFile"/>. Default empty (an empty passphrase unless <see cref="KeyPasswordFile"/> is set).</summary>
    public string KeyPassword { get; set; } = "";

    /// <summary>File whose first line is the keystore passphrase, as geth's <c>--password</c> reads it. Default empty: use <see cref="KeyPassword"/>.</summary>
    public string KeyPasswordFile { get; set; } = "";

    /// <summary>How long a chain snapshot (block, round, gas price) is reused before the node is asked again. Default 5 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);


    /// <summary>
    /// One message per setting that is wrong, each naming its key; none when <see cref="RpcUrl"/> is empty (no chain).
    /// A configured <see cref="KeyFile"/> is loaded (a keystore is decrypted, which is slow at geth's scrypt cost).
    /// </summary>
    public static IEnumerable<string> Problems(ChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.RpcUrl))
            return [];
        var problems = NodeProblems(options);
        var keyProblems = KeySettingProblems(options);
        if (keyProblems.Count == 0 && !string.IsNullOrWhiteSpace(options.KeyFile) && SigningKeyFile.Load(options).Problem is { } keyProblem)
            keyProblems.Add(keyProblem);
        return [.. problems, .. keyProblems];
    }

    /// <summary>The problems that need no key decryption (the key file is only checked to exist).</summary>
    internal static List<string> SettingProblems(ChainOptions options) =>
        string.IsNullOrWhiteSpace(options.RpcUrl) ? [] : [.. NodeProblems(options), .. KeySettingProblems(options)];

    private static List<string> NodeProblems(ChainOptions options)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.RpcUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            problems.Add($"{Key(nameof(RpcUrl))} must be an absolute http or https URI, not '{options.RpcUrl}'");
        if (options.ChainId <= 0)
            problems.Add($"{Key(nameof(ChainId))} must be positive");
        if (!IsAddress(options.TicketBrokerAddress))
            problems.Add(AddressProblem(nameof(TicketBrokerAddress)));
        if (!string.IsNullOrEmpty(options.RoundsManagerAddress) && !IsAddress(options.RoundsManagerAddress))
            problems.Add(AddressProblem(nameof(RoundsManagerAddress)) + " (or empty for the TicketBroker's)");
        if (!string.IsNullOrEmpty(options.BondingManagerAddress) && !IsAddress(options.BondingManagerAddress))
            problems.Add(AddressProblem(nameof(BondingManagerAddress)) + " (or empty for the TicketBroker's)");
        if (options.PollInterval <= TimeSpan.Zero)
            problems.Add($"{Key(nameof(PollInterval))} must be positive");
        return problems;
    }

    private static List<string> KeySettingProblems(ChainOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.KeyFile))
            return problems;
        if (!File.Exists(options.KeyFile))
            problems.Add($"{Key(nameof(KeyFile))} '{options.KeyFile}' does not exist");
        if (!string.IsNullOrEmpty(options.KeyPassword) && !string.IsNullOrWhiteSpace(options.KeyPasswordFile))
            problems.Add($"{Key(nameof(KeyPassword))} and {Key(nameof(KeyPasswordFile))} are both set; set one");
        else if (!string.IsNullOrWhiteSpace(options.KeyPasswordFile) && !File.Exists(options.KeyPasswordFile))
            problems.Add($"{Key(nameof(KeyPasswordFile))} '{options.KeyPasswordFile}' does not exist");
        return problems;
    }

    /// <summary>The full configuration key of a property, e.g. <c>Livepeer:Chain:KeyFile</c>.</summary>
    internal static string Key(string property) => Section + ":" + property;

    private static string AddressProblem(string property) => $"{Key(property)} must be a 0x address of 40 hex digits";

    private static bool IsAddress(string? text) =>
        text is { Length: 42 } && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && !text.AsSpan(2).ContainsAnyExcept(HexDigits);
}
