using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace Livepeer.Payments.Tests;

/// <summary>Hash, signature, recipient rand and win check reproduced byte for byte from payments-pm.md §1.6.</summary>
public sealed class TicketVectorTests
{
    [Fact]
    public void Preimage_And_Hash_MatchTheVector()
    {
        var ticket = WorkedExample.Ticket(1);

        Assert.Equal(
            "70997970c51812dc3a010c7d01b50e0d17dc79c8f39fd6e51aad88f6f4ce6ab8827279cfffb92266" +
            "00000000000000000000000000000000000000000000000000044364c5bb000000006fd91d84bcda58175fdfab3d77a168e2893e4958803b6b57ae84efcbf000" +
            "000000000000000000000000000000000000000000000000000000000000000199a8af5f1462786d702cd91c5f2834461ae7cb6e298fe005039ef589603a6e36" +
            "0000000000000000000000000000000000000000000000000000000000000dac565072e76e5d7ba2bac26d67e180fe2325eabed071efff252e41bf68ecec3a74",
            ticket.Preimage().ToHex());
        Assert.Equal("85522838b29cdce500f996e09088df1cfd25aba4eed76fe9cd1bc84720498248", ticket.Hash().ToHex());
        Assert.Equal("417e0edb84e98cdcc944e540ba20c0396f6cc2007191ed17cb29cdff37334086", WorkedExample.Ticket(2).Hash().ToHex());
    }

    [Theory]
    [InlineData(1u, "5ebdf2bbcd8a3e3aa7903cf850cc99ed64c46be53830ffb201b2a8207339493b6b229cfc12437281f2e3146373ec3dc33baf0a9ae8ca9a5bc08041627cd7d6941c")]
    [InlineData(2u, "4593509174fe41b89c98a8f5c39440b8ac0b65f7555af53712cf7d4cc890ed376b34f51be5cf9d83644d85b05fa6bdd0237fc1dd911056184b404735539978d21b")]
    public void Sign_IsDeterministicAndMatchesTheVector_AndRecoversTheSender(uint nonce, string expected)
    {
        var hash = WorkedExample.Ticket(nonce).Hash();

        var signature = TicketSignature.Sign(hash, WorkedExample.SenderKey);

        Assert.Equal(expected, signature.ToHex());
        Assert.Equal(SignatureProblem.None, TicketSignature.Verify(hash, signature, WorkedExample.Sender));
        Assert.Equal("cff85f2c9882051df49c66a84005cd9e789052f319ad858a19c72513ba0dd791", new EthereumMessageSigner().HashPrefixedMessage(WorkedExample.Ticket(1).Hash()).ToHex());
    }

    [Fact]
    public void RecipientRand_DerivedWithGoLayout_AndItsCommitment()
    {
        var ticket = WorkedExample.Ticket(1);

        var rand = RecipientRand.Derive(
            WorkedExample.Secret, WorkedExample.Seed, WorkedExample.Sender, WorkedExample.FaceValue, WorkedExample.WinProb,
            WorkedExample.ExpirationBlock, 1100, 1, ticket.AuxData());

        Assert.Equal(WorkedExample.Rand, rand);
        Assert.Equal("96809381fe35e46fdbae543eb01073692decaddf329bfefbb2408b469c593554", UInt256.ToWord(rand).ToHex());
        Assert.Equal(ticket.RecipientRandHash, RecipientRand.Commitment(rand));
    }

    [Fact]
    public void RecipientRand_PriceIsReducedFirst()
    {
        var aux = WorkedExample.Ticket(1).AuxData();

        var reduced = RecipientRand.Derive(WorkedExample.Secret, WorkedExample.Seed, WorkedExample.Sender, WorkedExample.FaceValue, WorkedExample.WinProb, WorkedExample.ExpirationBlock, 1100, 1, aux);
        var scaled = RecipientRand.Derive(WorkedExample.Secret, WorkedExample.Seed, WorkedExample.Sender, WorkedExample.FaceValue, WorkedExample.WinProb, WorkedExample.ExpirationBlock, 3300, 3, aux);

        Assert.Equal(reduced, scaled);
    }

    [Fact]
    public void IsWinning_VectorTicketsLose_AlwaysWinVariantWins()
    {
        var loses1 = TicketSignature.Sign(WorkedExample.Ticket(1).Hash(), WorkedExample.SenderKey);
        var loses2 = TicketSignature.Sign(WorkedExample.Ticket(2).Hash(), WorkedExample.SenderKey);
        var always = WorkedExample.Ticket(1, UInt256.Max);
        var winning = TicketSignature.Sign(always.Hash(), WorkedExample.SenderKey);

        Assert.False(RecipientRand.IsWinning(loses1, WorkedExample.Rand, WorkedExample.WinProb));
        Assert.False(RecipientRand.IsWinning(loses2, WorkedExample.Rand, WorkedExample.WinProb));
        Assert.Equal("24cd5fc5e940cc26b9854870b07b454995cb8fc3b1ee1a58e79e08d897c95569", always.Hash().ToHex());
        Assert.Equal("59e4647e294ca3133b239bf4be06d9e72e7889a9bc7c266165644aa342de20f14b10275815ce36ca99fb2670d8ce527bbb566e483db60c5551bbae9151bbba7a1b", winning.ToHex());
        Assert.True(RecipientRand.IsWinning(winning, WorkedExample.Rand, UInt256.Max));
        Assert.False(RecipientRand.IsWinning(winning, WorkedExample.Rand, 0));
    }

    [Fact]
    public void AuxData_ZeroRoundAndHash_IsEmpty_OtherwiseSixtyFourBytes()
    {
        var empty = WorkedExample.Ticket(1) with { CreationRound = 0, CreationRoundBlockHash = new byte[32] };

        Assert.Empty(empty.AuxData());
        Assert.Equal(168, empty.Preimage().Length);
        Assert.Equal(64, WorkedExample.Ticket(1).AuxData().Length);
    }
}
