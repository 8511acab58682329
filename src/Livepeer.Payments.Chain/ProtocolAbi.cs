using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Livepeer.Payments.Chain;

// The RoundsManager and BondingManager views that ticket parameters and reserve allocations depend on
// (payments-pm.md §6.2). As with the TicketBroker types, the selectors come from these names and Solidity types.

[Function("currentRound", "uint256")]
internal sealed class CurrentRoundFunction : FunctionMessage;

[Function("blockHashForRound", "bytes32")]
internal sealed class BlockHashForRoundFunction : FunctionMessage
{
    [Parameter("uint256", "_round", 1)]
    public BigInteger Round { get; set; }
}

[Function("getTranscoderPoolSize", "uint256")]
internal sealed class GetTranscoderPoolSizeFunction : FunctionMessage;

[Function("isActiveTranscoder", "bool")]
internal sealed class IsActiveTranscoderFunction : FunctionMessage
{
    [Parameter("address", "_transcoder", 1)]
    public string Transcoder { get; set; } = "";
}
