using System.Text;
using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion.Text;

/// <summary>Missing or corrupt vocabulary files: an <see cref="InvalidModelException"/> that names the file.</summary>
public sealed class ClipTokenizerLoadTests : IDisposable
{
    private const string GoodVocab = """{"a": 0, "a</w>": 1, "b</w>": 2, "ab</w>": 3, "<|startoftext|>": 4, "<|endoftext|>": 5}""";
    private const string GoodMerges = "#version: 0.2\na b</w>\n";

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Load_GoodFiles_Tokenize()
    {
        var tokenizer = Load(GoodVocab, GoodMerges);

        Assert.Equal([3, 1], tokenizer.Tokenize("ab a"));
    }

    [Fact]
    public void Load_MissingVocab_NamesIt()
    {
        var merges = temp.WriteFile("merges.txt", Encoding.UTF8.GetBytes(GoodMerges));
        var vocab = temp.Combine("absent", "vocab.json");

        var error = Assert.Throws<InvalidModelException>(() => ClipTokenizer.Load(vocab, merges));

        Assert.Contains(vocab, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingMerges_NamesIt()
    {
        var vocab = temp.WriteFile("vocab.json", Encoding.UTF8.GetBytes(GoodVocab));
        var merges = temp.Combine("merges.txt");

        var error = Assert.Throws<InvalidModelException>(() => ClipTokenizer.Load(vocab, merges));

        Assert.Contains(merges, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\": 0,", "JSON")]
    [InlineData("[1, 2, 3]", "JSON")]
    [InlineData("{\"a\": \"zero\"}", "JSON")]
    [InlineData("null", "null")]
    [InlineData("{\"a\": 0, \"<|endoftext|>\": 1}", "<|startoftext|>")]
    [InlineData("{\"a\": 0, \"<|startoftext|>\": 1}", "<|endoftext|>")]
    [InlineData("{\"a\": -3, \"<|startoftext|>\": 1, \"<|endoftext|>\": 2}", "negative")]
    public void Load_CorruptVocab_NamesItAndTheFault(string json, string fault)
    {
        var error = Assert.Throws<InvalidModelException>(() => Load(json, GoodMerges));

        Assert.Contains(temp.Combine("vocab.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains(fault, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "#version")]
    [InlineData("a b</w>\n", "#version")]
    [InlineData("#version: 0.2\na  b</w>\n", "line 2")]
    [InlineData("#version: 0.2\na\n", "line 2")]
    [InlineData("#version: 0.2\na b</w>\na q\n", "'q'")]
    [InlineData("#version: 0.2\na</w> b</w>\n", "'a</w>b</w>'")]
    public void Load_CorruptMerges_NamesItAndTheFault(string merges, string fault)
    {
        var error = Assert.Throws<InvalidModelException>(() => Load(GoodVocab, merges));

        Assert.Contains(temp.Combine("merges.txt"), error.Message, StringComparison.Ordinal);
        Assert.Contains(fault, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VocabFolderInsteadOfFile_NamesIt()
    {
        var merges = temp.WriteFile("merges.txt", Encoding.UTF8.GetBytes(GoodMerges));
        var folder = temp.Combine("vocab.json");
        Directory.CreateDirectory(folder);

        var error = Assert.Throws<InvalidModelException>(() => ClipTokenizer.Load(folder, merges));

        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
    }

    private ClipTokenizer Load(string vocabJson, string mergesTxt)
    {
        var vocab = temp.WriteFile("vocab.json", Encoding.UTF8.GetBytes(vocabJson));
        var merges = temp.WriteFile("merges.txt", Encoding.UTF8.GetBytes(mergesTxt));
        return ClipTokenizer.Load(vocab, merges);
    }
}
