using System.Text.Json;

namespace Livepeer.Testing;

/// <summary>The ABI (JSON text) and creation bytecode (0x hex) of each contract in one compiled Solidity file.</summary>
public sealed class CompiledContracts
{
    private readonly Dictionary<string, (string Abi, string Bytecode)> contracts;

    private CompiledContracts(Dictionary<string, (string Abi, string Bytecode)> contracts, string compiler, IReadOnlyList<string> warnings, TimeSpan compileTime)
    {
        this.contracts = contracts;
        Compiler = compiler;
        Warnings = warnings;
        CompileTime = compileTime;
    }

    /// <summary>The solc version string, e.g. <c>0.8.37+commit.f401782d.Emscripten.clang</c>.</summary>
    public string Compiler { get; }

    /// <summary>Compiler warnings (errors fail the compile instead).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Wall-clock time of the compile, node start-up included.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>The ABI of <paramref name="contract"/> as JSON text.</summary>
    public string Abi(string contract) => Get(contract).Abi;

    /// <summary>The creation bytecode of <paramref name="contract"/> as 0x hex.</summary>
    public string Bytecode(string contract) => Get(contract).Bytecode;

    internal static CompiledContracts Parse(string json, TimeSpan compileTime)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var contracts = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var contract in root.GetProperty("contracts").EnumerateObject())
        {
            contracts[contract.Name] = (contract.Value.GetProperty("abi").GetRawText(), "0x" + contract.Value.GetProperty("bytecode").GetString());
        }

        var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();
        return new CompiledContracts(contracts, root.GetProperty("compiler").GetString()!, warnings, compileTime);
    }

    private (string Abi, string Bytecode) Get(string contract) =>
        contracts.TryGetValue(contract, out var compiled)
            ? compiled
            : throw new KeyNotFoundException($"No contract '{contract}' in the compiled file; it has: {string.Join(", ", contracts.Keys)}.");
}
