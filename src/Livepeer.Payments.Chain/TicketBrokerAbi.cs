using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Livepeer.Payments.Chain;

// Nethereum message and output types for the TicketBroker functions and events the client uses. Parameter order and
// Solidity types follow the deployed TicketBrokerTarget ABI (payments-pm.md §6.2/§6.3): the selectors are derived
// from them, so a wrong type here is a wrong selector on chain.

/// <summary>The ABI tuple <c>(address,address,uint256,uint256,uint256,bytes32,bytes)</c> of a ticket.</summary>
[Struct("Ticket")]
internal sealed class TicketTuple
{
    [Parameter("address", "recipient", 1)]
    public string Recipient { get; set; } = "";

    [Parameter("address", "sender", 2)]
    public string Sender { get; set; } = "";

    [Parameter("uint256", "faceValue", 3)]
    public BigInteger FaceValue { get; set; }

    [Parameter("uint256", "winProb", 4)]
    public BigInteger WinProb { get; set; }

    [Parameter("uint256", "senderNonce", 5)]
    public BigInteger SenderNonce { get; set; }

    [Parameter("bytes32", "recipientRandHash", 6)]
    public byte[] RecipientRandHash { get; set; } = [];

    [Parameter("bytes", "auxData", 7)]
    public byte[] AuxData { get; set; } = [];

    public static TicketTuple From(Ticket ticket) => new()
    {
        Recipient = ticket.Recipient.ToString(),
        Sender = ticket.Sender.ToString(),
        FaceValue = ticket.FaceValue,
        WinProb = ticket.WinProb,
        SenderNonce = ticket.SenderNonce,
        RecipientRandHash = ticket.RecipientRandHash,
        AuxData = ticket.AuxData(),
    };
}

[Function("redeemWinningTicket")]
internal sealed class RedeemWinningTicketFunction : FunctionMessage
{
    [Parameter("tuple", "_ticket", 1)]
    public TicketTuple Ticket { get; set; } = new();

    [Parameter("bytes", "_sig", 2)]
    public byte[] Sig { get; set; } = [];

    [Parameter("uint256", "_recipientRand", 3)]
    public BigInteger RecipientRand { get; set; }
}

[Function("fundDepositAndReserve")]
internal sealed class FundDepositAndReserveFunction : FunctionMessage
{
    [Parameter("uint256", "_depositAmount", 1)]
    public BigInteger DepositAmount { get; set; }

    [Parameter("uint256", "_reserveAmount", 2)]
    public BigInteger ReserveAmount { get; set; }
}

[Function("fundDeposit")]
internal sealed class FundDepositFunction : FunctionMessage;

[Function("usedTickets", "bool")]
internal sealed class UsedTicketsFunction : FunctionMessage
{
    [Parameter("bytes32", "", 1)]
    public byte[] TicketHash { get; set; } = [];
}

[Function("getSenderInfo")]
internal sealed class GetSenderInfoFunction : FunctionMessage
{
    [Parameter("address", "_sender", 1)]
    public string Sender { get; set; } = "";
}

[Function("claimedReserve", "uint256")]
internal sealed class ClaimedReserveFunction : FunctionMessage
{
    [Parameter("address", "_reserveHolder", 1)]
    public string ReserveHolder { get; set; } = "";

    [Parameter("address", "_claimant", 2)]
    public string Claimant { get; set; } = "";
}

internal sealed class SenderTuple
{
    [Parameter("uint256", "deposit", 1)]
    public BigInteger Deposit { get; set; }

    [Parameter("uint256", "withdrawRound", 2)]
    public BigInteger WithdrawRound { get; set; }
}

internal sealed class ReserveTuple
{
    [Parameter("uint256", "fundsRemaining", 1)]
    public BigInteger FundsRemaining { get; set; }

    [Parameter("uint256", "claimedInCurrentRound", 2)]
    public BigInteger ClaimedInCurrentRound { get; set; }
}

[FunctionOutput]
internal sealed class GetSenderInfoOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "sender", 1)]
    public SenderTuple Sender { get; set; } = new();

    [Parameter("tuple", "reserve", 2)]
    public ReserveTuple Reserve { get; set; } = new();
}

[Event("WinningTicketTransfer")]
internal sealed class WinningTicketTransferEvent : IEventDTO
{
    [Parameter("address", "sender", 1, true)]
    public string Sender { get; set; } = "";

    [Parameter("address", "recipient", 2, true)]
    public string Recipient { get; set; } = "";

    [Parameter("uint256", "amount", 3, false)]
    public BigInteger Amount { get; set; }
}

[Event("ReserveClaimed")]
internal sealed class ReserveClaimedEvent : IEventDTO
{
    [Parameter("address", "reserveHolder", 1, true)]
    public string ReserveHolder { get; set; } = "";

    [Parameter("address", "claimant", 2, false)]
    public string Claimant { get; set; } = "";

    [Parameter("uint256", "amount", 3, false)]
    public BigInteger Amount { get; set; }
}

[Event("WinningTicketRedeemed")]
internal sealed class WinningTicketRedeemedEvent : IEventDTO
{
    [Parameter("address", "sender", 1, true)]
    public string Sender { get; set; } = "";

    [Parameter("address", "recipient", 2, true)]
    public string Recipient { get; set; } = "";

    [Parameter("uint256", "faceValue", 3, false)]
    public BigInteger FaceValue { get; set; }

    [Parameter("uint256", "winProb", 4, false)]
    public BigInteger WinProb { get; set; }

    [Parameter("uint256", "senderNonce", 5, false)]
    public BigInteger SenderNonce { get; set; }

    [Parameter("uint256", "recipientRand", 6, false)]
    public BigInteger RecipientRand { get; set; }

    [Parameter("bytes", "auxData", 7, false)]
    public byte[] AuxData { get; set; } = [];
}
