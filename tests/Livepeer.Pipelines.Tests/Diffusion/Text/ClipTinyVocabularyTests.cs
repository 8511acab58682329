using System.Text.Json;
using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion.Text;

/// <summary>
/// A hand-written vocabulary small enough to follow by hand: it shows which pair merges first (the lowest rank, not the
/// leftmost), that a repeated pair merges left to right without overlap, that merged symbols merge again, and that
/// the special ids come from vocab.json rather than CLIP's numbers.
/// </summary>
public sealed class ClipTinyVocabularyTests : IDisposable
{
    // Ranks: 0 "a a", 1 "b c</w>", 2 "a b", 3 "aa a</w>", 4 "aa aa".
    private static readonly string[] Merges = ["a a", "b c</w>", "a b", "aa a</w>", "aa aa"];

    private static readonly string[] Symbols =
    [
        "<|endoftext|>", "a", "b", "c", "a</w>", "b</w>", "c</w>", "aa", "bc</w>", "ab", "aaa</w>", "aaaa", "<|startoftext|>",
    ];

    private readonly TempFolder temp = new();
    private readonly ClipTokenizer tokenizer;

    public ClipTinyVocabularyTests() => tokenizer = Load(Merges);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Tokenize_LowestRankMergesFirst_NotTheLeftmostPair()
    {
        // "a b" (rank 2) is further left, but "b c</w>" (rank 1) comes first and leaves no "a b" to merge.
        Assert.Equal(Ids("a", "bc</w>"), tokenizer.Tokenize("abc"));
    }

    [Fact]
    public void Tokenize_EndOfWordMarker_IsPartOfTheLastSymbol()
    {
        // "a b" joins b only inside a word; at the end it is "b</w>", which no rule joins to "a".
        Assert.Equal(Ids("a", "b</w>"), tokenizer.Tokenize("ab"));
        // Inside "abcc" there is no "b c</w>", so "a b" merges.
        Assert.Equal(Ids("ab", "c", "c</w>"), tokenizer.Tokenize("abcc"));
    }

    [Fact]
    public void Tokenize_RepeatedPair_MergesLeftToRightWithoutOverlap()
    {
        // "a a a a</w>": rank 0 joins the first two a's; the third has only "a</w>" to its right.
        Assert.Equal(Ids("aa", "a", "a</w>"), tokenizer.Tokenize("aaaa"));
        // "a a a</w>" → "aa a</w>" → rank 3 → "aaa</w>".
        Assert.Equal(Ids("aaa</w>"), tokenizer.Tokenize("aaa"));
    }

    [Fact]
    public void Tokenize_MergedSymbols_MergeAgainByRank()
    {
        // "a a a a a</w>" → "aa aa a</w>"; then rank 3 ("aa a</w>") outranks rank 4 ("aa aa") although it is to the right.
        Assert.Equal(Ids("aa", "aaa</w>"), tokenizer.Tokenize("aaaaa"));
        // "a a a a a a a</w>" → "aa aa aa a</w>" → rank 3 at the end → "aa aa aaa</w>" → rank 4 → "aaaa aaa</w>".
        Assert.Equal(Ids("aaaa", "aaa</w>"), tokenizer.Tokenize("aaaaaaa"));
    }

    [Fact]
    public void Encode_SpecialIds_ComeFromTheVocabulary()
    {
        int[] expected = [12, .. Ids("a", "bc</w>"), 0, .. Enumerable.Repeat(0, 73)];

        Assert.Equal(12, tokenizer.BosId);
        Assert.Equal(0, tokenizer.EosId);
        Assert.Equal(0, tokenizer.PadId);
        Assert.Equal(expected, tokenizer.Encode("abc"));
    }

    [Fact]
    public void Tokenize_ByteMissingFromVocabulary_IsEndOfText()
    {
        Assert.Equal([.. Ids("a"), 0, 0, .. Ids("b</w>")], tokenizer.Tokenize("adzb"));
    }

    [Fact]
    public void Load_PadToken_IsLookedUpInTheVocabulary()
    {
        var padded = Load(Merges, padToken: "c</w>");

        Assert.Equal([12, .. Ids("a", "b</w>"), 0, .. Enumerable.Repeat(6, 73)], padded.Encode("ab"));
    }

    [Fact]
    public void Load_MergeBeforeTheRuleThatMakesItsSymbol_IsRejected()
    {
        var error = Assert.Throws<InvalidModelException>(() => Load(["aa a</w>", "a a"], name: "shuffled"));

        Assert.Contains(temp.Combine("shuffled", "merges.txt"), error.Message, StringComparison.Ordinal);
        Assert.Contains("out of order", error.Message, StringComparison.Ordinal);
    }

    private static int[] Ids(params string[] symbols) => [.. symbols.Select(symbol => Array.IndexOf(Symbols, symbol))];

    private ClipTokenizer Load(string[] merges, string name = "tiny", string? padToken = null)
    {
        var vocab = Symbols.Select((symbol, id) => (symbol, id)).ToDictionary(entry => entry.symbol, entry => entry.id);
        var vocabPath = temp.WriteFile(Path.Combine(name, "vocab.json"), JsonSerializer.SerializeToUtf8Bytes(vocab));
        var mergesPath = temp.WriteFile(Path.Combine(name, "merges.txt"), System.Text.Encoding.UTF8.GetBytes("#version: 0.2\n" + string.Join('\n', merges) + "\n"));
        return ClipTokenizer.Load(vocabPath, mergesPath, padToken);
    }
}
