using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Model;

namespace Livepeer.Payments.Chain.Tests;

/// <summary>ChainOptions' problems and the two key file formats; nothing here talks to a node.</summary>
public sealed class ChainOptionsTests : IDisposable
{
    // anvil account #1, the §1.6 recipient (a public test key).
    private const string RecipientKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private const string Broker = "0xa8bB618B1520E284046F3dFc448851A1Ff26e41B";

    private readonly string folder = Directory.CreateTempSubdirectory("livepeer-chain-options-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void WithoutAnRpcUrlNothingElseIsChecked()
    {
        var options = new ChainOptions { TicketBrokerAddress = "nonsense", KeyFile = "/nowhere", PollInterval = TimeSpan.Zero };

        Assert.Empty(ChainOptions.Problems(options));
        Assert.Throws<ArgumentException>(() => new EthereumPaymentChain(options));
    }

    [Fact]
    public void TheDefaultsWithANodeAndABrokerHaveNoProblems()
    {
        var options = Valid();

        Assert.Empty(ChainOptions.Problems(options));
        Assert.Equal(42161, options.ChainId);
        Assert.Equal(TimeSpan.FromSeconds(5), options.PollInterval);
    }

    [Fact]
    public void EachWrongSettingIsReportedUnderItsKey()
    {
        var options = Valid();
        options.RpcUrl = "ws://127.0.0.1:8545";
        options.TicketBrokerAddress = "0xa8bB618B1520E284046F3dFc448851A1Ff26e41";
        options.RoundsManagerAddress = "dd6f56DcC28D3F5f27084381fE8Df634985cc39f";
        options.BondingManagerAddress = "0x35Bcf3c30594191d53231E4FF333E8A770453e4g";
        options.ChainId = 0;
        options.PollInterval = TimeSpan.Zero;
        options.KeyFile = Path.Combine(folder, "missing.key");

        var problems = ChainOptions.Problems(options).ToList();

        Assert.Equal(7, problems.Count);
        Assert.Contains("Livepeer:Chain:RpcUrl must be an absolute http or https URI, not 'ws://127.0.0.1:8545'", problems);
        Assert.Contains("Livepeer:Chain:TicketBrokerAddress must be a 0x address of 40 hex digits", problems);
        Assert.Contains(problems, p => p.StartsWith("Livepeer:Chain:RoundsManagerAddress must be a 0x address", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Livepeer:Chain:BondingManagerAddress must be a 0x address", StringComparison.Ordinal));
        Assert.Contains("Livepeer:Chain:ChainId must be positive", problems);
        Assert.Contains("Livepeer:Chain:PollInterval must be positive", problems);
        Assert.Contains($"Livepeer:Chain:KeyFile '{options.KeyFile}' does not exist", problems);
        var thrown = Assert.Throws<ArgumentException>(() => new EthereumPaymentChain(options));
        Assert.Contains("Livepeer:Chain:TicketBrokerAddress", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RecipientKey)]
    [InlineData("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")]
    [InlineData("  0x59C6995E998F97A5A0044966F0945389DC9E86DAE88C7A8412F4603B6B78690D\r\n")]
    public void AHexKeyFileGivesItsAccount(string contents)
    {
        var options = WithKeyFile("hex.key", contents);

        Assert.Empty(ChainOptions.Problems(options));
        using var payments = new EthereumPaymentChain(options);
        Assert.True(payments.CanRedeem);
        Assert.Equal(WorkedExample.Recipient, payments.SigningAddress);
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("not a key at all")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    public void AFileThatIsNoKeyIsAProblem(string contents)
    {
        var options = WithKeyFile("bad.key", contents);

        var problem = Assert.Single(ChainOptions.Problems(options));
        Assert.StartsWith($"Livepeer:Chain:KeyFile '{options.KeyFile}' holds neither a 0x-hex private key", problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new EthereumPaymentChain(options));
    }

    [Fact]
    public void AScryptKeystoreIsDecryptedWithKeyPassword()
    {
        var options = WithKeyFile("keystore.json", ScryptKeystore("correct horse"));
        options.KeyPassword = "correct horse";

        Assert.Empty(ChainOptions.Problems(options));
        using var payments = new EthereumPaymentChain(options);
        Assert.Equal(WorkedExample.Recipient, payments.SigningAddress);
    }

    [Fact]
    public void AKeystorePassphraseIsTheFirstLineOfKeyPasswordFile()
    {
        var options = WithKeyFile("keystore.json", ScryptKeystore("correct horse"));
        options.KeyPasswordFile = Path.Combine(folder, "password.txt");
        File.WriteAllText(options.KeyPasswordFile, "correct horse\r\nignored second line\n");

        Assert.Empty(ChainOptions.Problems(options));
        using var payments = new EthereumPaymentChain(options);
        Assert.Equal(WorkedExample.Recipient, payments.SigningAddress);
    }

    [Fact]
    public void APbkdf2KeystoreIsDecryptedToo()
    {
        var json = new KeyStorePbkdf2Service().EncryptAndGenerateKeyStoreAsJson(
            "pass", RecipientKey.HexToByteArray(), WorkedExample.Recipient.ToString(), new Pbkdf2Params { Dklen = 32, Count = 1024, Prf = "hmac-sha256" });
        var options = WithKeyFile("pbkdf2.json", json);
        options.KeyPassword = "pass";

        using var payments = new EthereumPaymentChain(options);
        Assert.Equal(WorkedExample.Recipient, payments.SigningAddress);
    }

    [Fact]
    public void AWrongPassphraseIsAProblemNamingTheKeyFileAndThePassword()
    {
        var options = WithKeyFile("keystore.json", ScryptKeystore("correct horse"));
        options.KeyPassword = "battery staple";

        var problem = Assert.Single(ChainOptions.Problems(options));
        Assert.StartsWith($"Livepeer:Chain:KeyFile '{options.KeyFile}' does not decrypt as a JSON keystore with the passphrase of Livepeer:Chain:KeyPassword", problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new EthereumPaymentChain(options));
    }

    [Fact]
    public void AKeystoreWhoseAddressIsNotItsKeysIsAProblem()
    {
        var options = WithKeyFile("keystore.json", ScryptKeystore("pw", address: WorkedExample.Sender.ToString()));
        options.KeyPassword = "pw";

        var problem = Assert.Single(ChainOptions.Problems(options));
        Assert.Contains("states address", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordAndPasswordFileTogetherOrAMissingPasswordFileAreProblems()
    {
        var options = WithKeyFile("keystore.json", ScryptKeystore("pw"));
        options.KeyPassword = "pw";
        options.KeyPasswordFile = Path.Combine(folder, "missing.txt");
        Assert.Equal(["Livepeer:Chain:KeyPassword and Livepeer:Chain:KeyPasswordFile are both set; set one"], ChainOptions.Problems(options));

        options.KeyPassword = "";
        Assert.Equal([$"Livepeer:Chain:KeyPasswordFile '{options.KeyPasswordFile}' does not exist"], ChainOptions.Problems(options));
    }

    private static ChainOptions Valid() => new() { RpcUrl = "http://127.0.0.1:8545", TicketBrokerAddress = Broker };

    private ChainOptions WithKeyFile(string name, string contents)
    {
        var options = Valid();
        options.KeyFile = Path.Combine(folder, name);
        File.WriteAllText(options.KeyFile, contents);
        return options;
    }

    // Scrypt with N = 2^10 instead of geth's 2^18 keeps the test fast; the format is the same.
    private static string ScryptKeystore(string password, string? address = null) =>
        new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(
            password, RecipientKey.HexToByteArray(), address ?? WorkedExample.Recipient.ToString(), new ScryptParams { Dklen = 32, N = 1024, R = 8, P = 1 });
}
