using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace Livepeer.Payments.Tests;

public sealed class Keccak256Tests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    public void Hash_KnownTexts_GivesPublishedDigests(string text, string digest) =>
        Assert.Equal(digest, Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(text)).ToHex());

    [Fact]
    public void Hash_EveryLengthAroundTheRate_MatchesNethereum()
    {
        // 0 to 3 blocks and each boundary (135, 136, 137 bytes…), where padding bugs hide.
        var random = new Random(7);
        for (var length = 0; length <= 3 * 136 + 1; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(Sha3Keccack.Current.CalculateHash(data).ToHex(), Keccak256.Hash(data).ToHex());
        }
    }
}
