using System.Numerics;
using Microsoft.Extensions.Time.Testing;

namespace Livepeer.Payments.Chain.Tests;

/// <summary>EthereumPaymentChain's sender funds and redemption against contracts/TicketBroker.sol on anvil.</summary>
public sealed class ChainFundsAndRedemptionTests(TicketBrokerChain chain) : IClassFixture<TicketBrokerChain>, IAsyncLifetime
{
    private static readonly BigInteger OneFinney = BigInteger.Pow(10, 15);

    private TicketBrokerClient Sender => chain.ClientFor(0);

    public Task InitializeAsync() => chain.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnActiveRecipientMayClaimTheWholeReserveWhenItIsTheOnlyTranscoder()
    {
        await Sender.FundDepositAndReserveAsync(3 * OneFinney, 10 * OneFinney);
        using var payments = ReadOnly();

        var funds = await payments.GetSenderFundsAsync(WorkedExample.Sender, WorkedExample.Recipient);

        Assert.Equal(new SenderFunds(3 * OneFinney, 0, 10 * OneFinney), funds);
    }

    [Fact]
    public async Task TheReserveIsSharedAmongActiveTranscodersAndInactiveOnesGetNothing()
    {
        await Sender.FundDepositAndReserveAsync(OneFinney, 10 * OneFinney);
        await chain.SetActiveAsync(chain.AccountAt(2), active: true);
        using var payments = ReadOnly();

        Assert.Equal(5 * OneFinney, (await payments.GetSenderFundsAsync(WorkedExample.Sender, WorkedExample.Recipient))!.ReserveAllocation);
        Assert.Equal(5 * OneFinney, (await payments.GetSenderFundsAsync(WorkedExample.Sender, chain.AccountAt(2)))!.ReserveAllocation);
        Assert.Equal(new SenderFunds(OneFinney, 0, 0, RecipientActive: false), await payments.GetSenderFundsAsync(WorkedExample.Sender, chain.AccountAt(3)));
    }

    [Fact]
    public async Task NobodyGetsAnAllocationWhenThePoolIsEmpty()
    {
        await Sender.FundDepositAndReserveAsync(OneFinney, 10 * OneFinney);
        await chain.SetActiveAsync(WorkedExample.Recipient, active: false);
        using var payments = ReadOnly();

        Assert.Equal(new SenderFunds(OneFinney, 0, 0, RecipientActive: false), await payments.GetSenderFundsAsync(WorkedExample.Sender, WorkedExample.Recipient));
    }

    [Fact]
    public async Task AnUnfundedSenderHasNothing()
    {
        using var payments = ReadOnly();

        Assert.Equal(new SenderFunds(0, 0, 0), await payments.GetSenderFundsAsync(chain.AccountAt(4), WorkedExample.Recipient));
    }

    [Fact]
    public async Task AReserveClaimLowersTheClaimantsAllocationOnly()
    {
        // payments-pm.md §7.4: deposit 1e15 and reserve 1e16 against a 1.2e15 face value, so 2e14 comes from the reserve.
        await Sender.FundDepositAndReserveAsync(OneFinney, 10 * OneFinney);
        await chain.SetActiveAsync(chain.AccountAt(2), active: true);
        using var payments = Redeemer();
        var ticket = WorkedExample.AlwaysWin(1);

        var receipt = await payments.RedeemAsync(ticket, WorkedExample.Sign(ticket), WorkedExample.Rand);

        Assert.True(receipt.Succeeded, receipt.RevertReason);
        var claimed = WorkedExample.FaceValue - OneFinney;
        // The share is of the reserve as it stood at the round's start (remaining plus claimed this round).
        Assert.Equal(new SenderFunds(0, 0, 5 * OneFinney - claimed), await payments.GetSenderFundsAsync(WorkedExample.Sender, WorkedExample.Recipient));
        Assert.Equal(5 * OneFinney, (await payments.GetSenderFundsAsync(WorkedExample.Sender, chain.AccountAt(2)))!.ReserveAllocation);
    }

    [Fact]
    public async Task AWinningTicketIsRedeemedOnceThenRefusedWithTheContractsReason()
    {
        await Sender.FundDepositAndReserveAsync(10 * OneFinney, OneFinney);
        using var payments = Redeemer();
        var ticket = WorkedExample.AlwaysWin(1);
        var signature = WorkedExample.Sign(ticket);
        Assert.True(payments.CanRedeem);
        Assert.Equal(WorkedExample.Recipient, payments.SigningAddress);
        Assert.False(await payments.IsTicketUsedAsync(ticket.Hash()));

        var receipt = await payments.RedeemAsync(ticket, signature, WorkedExample.Rand);

        Assert.True(receipt.Succeeded, receipt.RevertReason);
        Assert.NotNull(receipt.TransactionHash);
        Assert.Null(receipt.RevertReason);
        Assert.Equal(WorkedExample.FaceValue, receipt.Transferred);
        Assert.True(await payments.IsTicketUsedAsync(ticket.Hash()));
        Assert.Equal(WorkedExample.FaceValue, await chain.FeesEarnedAsync(WorkedExample.Recipient));

        var replay = await payments.RedeemAsync(ticket, signature, WorkedExample.Rand);
        Assert.Equal(new RedemptionReceipt(null, false, "ticket is used", 0), replay);
    }

    [Fact]
    public async Task RedemptionsStartedTogetherGoThroughAndADuplicateCostsNoTransaction()
    {
        await Sender.FundDepositAndReserveAsync(10 * OneFinney, 0);
        using var payments = Redeemer();
        var tickets = Enumerable.Range(1, 3).Select(n => WorkedExample.AlwaysWin((uint)n)).Append(WorkedExample.AlwaysWin(1)).ToArray();
        // With a block a second instead of one per transaction, a duplicate sent before the first is mined would pass the
        // eth_call check and fail on chain.
        await chain.MineEverySecondAsync(true);
        RedemptionReceipt[] receipts;
        try
        {
            receipts = await Task.WhenAll(tickets.Select(t => payments.RedeemAsync(t, WorkedExample.Sign(t), WorkedExample.Rand)));
        }
        finally
        {
            await chain.MineEverySecondAsync(false);
        }

        Assert.Equal(3, receipts.Count(r => r.Succeeded));
        Assert.Equal(3, receipts.Select(r => r.TransactionHash).OfType<string>().Distinct().Count());
        Assert.Contains(new RedemptionReceipt(null, false, "ticket is used", 0), receipts);
        Assert.Equal(3 * WorkedExample.FaceValue, await chain.FeesEarnedAsync(WorkedExample.Recipient));
    }

    [Fact]
    public async Task WithoutAKeyTheChainIsReadButNothingIsRedeemed()
    {
        using var payments = ReadOnly();
        var ticket = WorkedExample.AlwaysWin(1);

        Assert.False(payments.CanRedeem);
        Assert.Null(payments.SigningAddress);
        Assert.Equal(WorkedExample.CreationRound, (await payments.GetSnapshotAsync()).CurrentRound);
        await Assert.ThrowsAsync<InvalidOperationException>(() => payments.IsTicketUsedAsync(ticket.Hash()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => payments.RedeemAsync(ticket, WorkedExample.Sign(ticket), WorkedExample.Rand));
    }

    private EthereumPaymentChain ReadOnly() => new(chain.Options(), new FakeTimeProvider());

    private EthereumPaymentChain Redeemer() => new(chain.Options(chain.KeyFileFor(1)), new FakeTimeProvider());
}
