using System.Diagnostics;
using System.Numerics;
using Xunit.Abstractions;

namespace Livepeer.Payments.Chain.Tests;

/// <summary>The §1.6 tickets redeemed against contracts/TicketBroker.sol on anvil, with the §6.4 checks and strings.</summary>
public sealed class RedemptionTests(TicketBrokerChain chain, ITestOutputHelper output) : IClassFixture<TicketBrokerChain>, IAsyncLifetime
{
    private static readonly BigInteger Eth = BigInteger.Pow(10, 18);
    private static readonly BigInteger OneFinney = BigInteger.Pow(10, 15);

    private TicketBrokerClient Sender => chain.ClientFor(0);

    private TicketBrokerClient Recipient => chain.ClientFor(1);

    public Task InitializeAsync() => chain.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AlwaysWinTicketPaysFaceValueFromTheDepositThenReplayIsRefused()
    {
        output.WriteLine($"compile {chain.CompileTime.TotalMilliseconds:0} ms, anvil start {chain.AnvilStartTime.TotalMilliseconds:0} ms, deploy {chain.DeployTime.TotalMilliseconds:0} ms");
        await Sender.FundDepositAndReserveAsync(Eth / 100, Eth / 100);
        var ticket = WorkedExample.AlwaysWin(1);
        var signature = WorkedExample.Sign(ticket);
        Assert.False(await Recipient.IsUsedTicketAsync(ticket.Hash()));
        Assert.Equal(ticket.Hash(), await chain.ContractTicketHashAsync(ticket));

        var watch = Stopwatch.StartNew();
        var result = await Recipient.RedeemWinningTicketAsync(ticket, signature, WorkedExample.Rand);
        output.WriteLine($"redeem (eth_call + transaction + receipt) {watch.Elapsed.TotalMilliseconds:0} ms, gas {result.GasUsed}");

        Assert.True(result.Succeeded, result.RevertReason);
        Assert.NotNull(result.TransactionHash);
        Assert.Equal(WorkedExample.FaceValue, result.Transferred);
        Assert.Equal(BigInteger.Zero, result.ReserveClaimed);
        Assert.True(result.TicketRedeemedLogged);
        Assert.Equal(WorkedExample.FaceValue, await chain.FeesEarnedAsync(WorkedExample.Recipient));
        Assert.True(await Recipient.IsUsedTicketAsync(ticket.Hash()));
        Assert.Equal(new SenderInfo(Eth / 100 - WorkedExample.FaceValue, 0, Eth / 100, 0), await Sender.GetSenderInfoAsync(WorkedExample.Sender));

        var replay = await Recipient.RedeemWinningTicketAsync(ticket, signature, WorkedExample.Rand);
        Assert.False(replay.Succeeded);
        Assert.Null(replay.TransactionHash);
        Assert.Equal("ticket is used", replay.RevertReason);
        Assert.Equal(WorkedExample.FaceValue, await chain.FeesEarnedAsync(WorkedExample.Recipient));
    }

    [Fact]
    public async Task ShortDepositIsToppedUpFromTheActiveRecipientsReserveShare()
    {
        // payments-pm.md §7.4: deposit 1e15 and reserve 1e16 against a 1.2e15 face value.
        await Sender.FundDepositAndReserveAsync(OneFinney, 10 * OneFinney);
        var ticket = WorkedExample.AlwaysWin(1);

        var result = await Recipient.RedeemWinningTicketAsync(ticket, WorkedExample.Sign(ticket), WorkedExample.Rand);

        Assert.True(result.Succeeded, result.RevertReason);
        Assert.Equal(WorkedExample.FaceValue, result.Transferred);
        Assert.Equal(WorkedExample.FaceValue - OneFinney, result.ReserveClaimed);
        Assert.Equal(
            new SenderInfo(0, 0, 10 * OneFinney - (WorkedExample.FaceValue - OneFinney), WorkedExample.FaceValue - OneFinney),
            await Sender.GetSenderInfoAsync(WorkedExample.Sender));
    }

    [Fact]
    public async Task SenderWithoutReservePaysOnlyItsDepositThenHasNothingLeft()
    {
        var deposit = OneFinney / 2;
        await Sender.FundDepositAndReserveAsync(deposit, 0);
        var first = WorkedExample.AlwaysWin(1);

        var partial = await Recipient.RedeemWinningTicketAsync(first, WorkedExample.Sign(first), WorkedExample.Rand);

        Assert.True(partial.Succeeded, partial.RevertReason);
        Assert.Equal(deposit, partial.Transferred);
        Assert.Equal(BigInteger.Zero, partial.ReserveClaimed);
        Assert.Equal(new SenderInfo(0, 0, 0, 0), await Sender.GetSenderInfoAsync(WorkedExample.Sender));

        var second = WorkedExample.AlwaysWin(2);
        var refused = await Recipient.RedeemWinningTicketAsync(second, WorkedExample.Sign(second), WorkedExample.Rand);
        Assert.Equal("sender deposit and reserve are zero", refused.RevertReason);
        Assert.False(await Recipient.IsUsedTicketAsync(second.Hash()));
    }

    [Fact]
    public async Task NonWinningTicketIsRefused()
    {
        await Sender.FundDepositAndReserveAsync(OneFinney * 10, OneFinney);
        var ticket = WorkedExample.Ticket(1);

        var result = await Recipient.RedeemWinningTicketAsync(ticket, WorkedExample.Sign(ticket), WorkedExample.Rand);

        Assert.Equal("ticket did not win", result.RevertReason);
    }

    [Fact]
    public async Task WrongRandIsRefused()
    {
        await Sender.FundDepositAndReserveAsync(OneFinney * 10, OneFinney);
        var ticket = WorkedExample.AlwaysWin(1);

        var result = await Recipient.RedeemWinningTicketAsync(ticket, WorkedExample.Sign(ticket), WorkedExample.Rand + 1);

        Assert.Equal("recipientRand does not match recipientRandHash", result.RevertReason);
    }

    [Fact]
    public async Task SignatureOverAnotherTicketIsRefused()
    {
        await Sender.FundDepositAndReserveAsync(OneFinney * 10, OneFinney);
        var signedTicket = WorkedExample.AlwaysWin(1);
        var presented = WorkedExample.AlwaysWin(2);

        var result = await Recipient.RedeemWinningTicketAsync(presented, WorkedExample.Sign(signedTicket), WorkedExample.Rand);

        Assert.Equal("invalid signature over ticket hash", result.RevertReason);
    }

    [Fact]
    public async Task MalformedSignaturesAreRefusedWithOpenZeppelinsMessages()
    {
        await Sender.FundDepositAndReserveAsync(OneFinney * 10, OneFinney);
        var ticket = WorkedExample.AlwaysWin(1);
        var signature = WorkedExample.Sign(ticket);
        var highS = signature.ToArray();
        highS[32] = 0xff;
        var badV = signature.ToArray();
        badV[64] = 29;

        Assert.Equal("INVALID_SIGNATURE_LENGTH", (await Recipient.RedeemWinningTicketAsync(ticket, signature.AsMemory(0, 64), WorkedExample.Rand)).RevertReason);
        Assert.Equal("ECDSA: invalid signature 's' value", (await Recipient.RedeemWinningTicketAsync(ticket, highS, WorkedExample.Rand)).RevertReason);
        Assert.Equal("ECDSA: invalid signature 'v' value", (await Recipient.RedeemWinningTicketAsync(ticket, badV, WorkedExample.Rand)).RevertReason);
    }

    [Fact]
    public async Task TicketIsRedeemableInItsCreationRoundAndTheNextOnly()
    {
        await Sender.FundDepositAndReserveAsync(OneFinney * 10, OneFinney);
        var ticket = WorkedExample.AlwaysWin(1);
        var signature = WorkedExample.Sign(ticket);

        await chain.SetRoundAsync(WorkedExample.CreationRound + 2, new byte[32], initialized: true);
        Assert.Equal("ticket is expired", (await Recipient.RedeemWinningTicketAsync(ticket, signature, WorkedExample.Rand)).RevertReason);

        await chain.SetRoundAsync(WorkedExample.CreationRound + 1, new byte[32], initialized: true);
        Assert.True((await Recipient.RedeemWinningTicketAsync(ticket, signature, WorkedExample.Rand)).Succeeded);
    }

    [Fact]
    public async Task RoundChecksComeFirst()
    {
        await Sender.FundDepositAndReserveAsync(OneFinney * 10, OneFinney);
        var ticket = WorkedExample.AlwaysWin(1);
        var signature = WorkedExample.Sign(ticket);
        var otherRound = WorkedExample.Ticket(1, UInt256.Max) with { CreationRound = WorkedExample.CreationRound + 1 };
        var otherHash = WorkedExample.Ticket(1, UInt256.Max) with { CreationRoundBlockHash = new byte[32] };

        Assert.Equal(
            "ticket creationRound does not have a block hash",
            (await Recipient.RedeemWinningTicketAsync(otherRound, WorkedExample.Sign(otherRound), WorkedExample.Rand)).RevertReason);
        Assert.Equal(
            "ticket creationRoundBlockHash invalid for creationRound",
            (await Recipient.RedeemWinningTicketAsync(otherHash, WorkedExample.Sign(otherHash), WorkedExample.Rand)).RevertReason);

        await chain.SetRoundAsync(WorkedExample.CreationRound, WorkedExample.CreationRoundBlockHash, initialized: false);
        Assert.Equal("current round is not initialized", (await Recipient.RedeemWinningTicketAsync(ticket, signature, WorkedExample.Rand)).RevertReason);
    }
}
