using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion.Text;

/// <summary>Words as CLIP's pattern finds them in normalized (lower-case, single-spaced) text.</summary>
public sealed class ClipPreTokenizerTests
{
    [Theory]
    [InlineData("a photo of a cat", new[] { "a", "photo", "of", "a", "cat" })]
    [InlineData("92000", new[] { "9", "2", "0", "0", "0" })]
    [InlineData("8k uhd", new[] { "8", "k", "uhd" })]
    [InlineData("hello!!! world?!", new[] { "hello", "!!!", "world", "?!" })]
    [InlineData("(masterpiece:1.2)", new[] { "(", "masterpiece", ":", "1", ".", "2", ")" })]
    [InlineData("it's they're we've i'm you'll he'd don't", new[] { "it", "'s", "they", "'re", "we", "'ve", "i", "'m", "you", "'ll", "he", "'d", "don", "'t" })]
    [InlineData("'st ''s rock'n'roll", new[] { "'s", "t", "''", "s", "rock", "'", "n", "'", "roll" })]
    [InlineData("a<|startoftext|>b<|endoftext|>", new[] { "a", "<|startoftext|>", "b", "<|endoftext|>" })]
    [InlineData("!<|endoftext|>", new[] { "!<|", "endoftext", "|>" })]
    [InlineData("hi<s>there", new[] { "hi", "<", "s", ">", "there" })]
    [InlineData("ปี", new[] { "ป", "ี" })]
    [InlineData("生活的真谛是", new[] { "生活的真谛是" })]
    [InlineData("𝔸𝔹 😊👍", new[] { "𝔸𝔹", "😊👍" })]
    [InlineData("½ ⅷ", new[] { "½", "ⅷ" })]
    [InlineData("", new string[0])]
    public void TryNext_Text_FindsClipsWords(string text, string[] expected)
    {
        var words = new List<string>();
        var position = 0;
        while (ClipPreTokenizer.TryNext(text, ref position, out var word))
            words.Add(text[word]);

        Assert.Equal(expected, words);
    }
}
