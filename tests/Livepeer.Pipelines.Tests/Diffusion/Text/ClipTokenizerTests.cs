using System.Text;
using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion.Text;

/// <summary>The tokenizer over the released CLIP vocabulary, against ids published by other implementations' tests.</summary>
public sealed class ClipTokenizerTests
{
    private static ClipTokenizer Tokenizer => ClipAssets.Tokenizer;

    [Fact]
    public void Encode_PhotoOfACat_IsTheIdsHuggingFaceAndBumblebeeGive()
    {
        // elixir-nx/bumblebee test/bumblebee/text/clip_tokenizer_test.exs (openai/clip-vit-base-patch32).
        int[] expected = [49406, 320, 1125, 539, 320, 2368, 49407, .. Enumerable.Repeat(49407, 70)];

        Assert.Equal(expected, Tokenizer.Encode("a photo of a cat"));
        Assert.Equal([320, 1125, 539, 320, 1929], Tokenizer.Tokenize("a photo of a dog"));
    }

    [Fact]
    public void Tokenize_QuickBrownFox_IsTheIdsAppleCoreNetGives()
    {
        // apple/corenet tests for its OpenAI CLIP tokenizer (bpe_simple_vocab_16e6.txt).
        Assert.Equal(
            [518, 3712, 2866, 3240, 16901, 962, 518, 10753, 1929],
            Tokenizer.Tokenize("the quick brown fox jumped over the lazy dog"));
    }

    [Fact]
    public void Encode_TransformersIntegrationText_IsItsExpectedIds()
    {
        // huggingface/transformers tests/models/clip/test_tokenization_clip.py, the shared integration text: upper
        // case, a number, an accent, Chinese, runs of white space, "<s>" markup, punctuation and Thai combining marks.
        const string text = "This is a test\nI was born in 92000, and this is falsé.\n生活的真谛是\nHi  Hello\nHi   Hello\n\n \n  \n Hello\n<s>\nhi<s>there\nThe following string should be properly encoded: Hello.\nBut ird and ปี   ird   ด\nHey how are you doing";
        int[] expected =
        [
            49406, 589, 533, 320, 1628, 328, 739, 2683, 530, 280, 273, 271, 271, 271, 267, 537, 589, 533, 2778, 82, 4166,
            269, 33375, 162, 112, 119, 163, 248, 226, 41570, 164, 108, 249, 42891, 363, 1883, 3306, 1883, 3306, 3306, 283,
            338, 285, 1883, 283, 338, 285, 997, 518, 3473, 9696, 1535, 655, 12560, 524, 33703, 281, 3306, 269, 767, 2770,
            537, 1777, 505, 20278, 2770, 38825, 2189, 829, 631, 592, 1960, 49407,
        ];

        var ids = Tokenizer.Encode(text);

        Assert.Equal(expected, ids[..expected.Length]);
        Assert.All(ids[expected.Length..], id => Assert.Equal(49407, id));
    }

    [Fact]
    public void Tokenize_Emoji_IsOneByteLevelToken()
    {
        // 😊 is 3020 in the same transformers test (its newer text starts "This is a test 😊").
        Assert.Equal([589, 533, 320, 1628, 3020], Tokenizer.Tokenize("This is a test 😊"));
        Assert.Equal(ClipAssets.Ids("ðŁĲ±</w>"), Tokenizer.Tokenize("🐱"));
        Assert.Equal(ClipAssets.Ids("ðŁĳįðŁı½</w>"), Tokenizer.Tokenize("👍🏽"));
    }

    [Fact]
    public void Tokenize_CharactersWithoutTheirOwnToken_FallBackToTheirUtf8Bytes()
    {
        // 猫 is E7 8C AB: no merge joins them, so each byte is its own symbol, the last with </w>.
        Assert.Equal(ClipAssets.Ids("ç", "Į", "«</w>"), Tokenizer.Tokenize("猫"));
        // Letters outside the Basic Multilingual Plane are still one letter run: 𝔸𝔹 is one word.
        Assert.Equal(ClipAssets.Ids("ðĿ", "Ķ", "¸", "ðĿ", "Ķ", "¹</w>"), Tokenizer.Tokenize("𝔸𝔹"));
        Assert.Equal(ClipAssets.Ids("cafÃ©</w>"), Tokenizer.Tokenize("Café"));
        Assert.Equal(ClipAssets.Ids("na", "Ã¯", "ve</w>"), Tokenizer.Tokenize("naïve"));
    }

    [Fact]
    public void Tokenize_UpperCaseAndWhiteSpace_AreNormalized()
    {
        var plain = Tokenizer.Tokenize("a photo of a cat");

        Assert.Equal(plain, Tokenizer.Tokenize("  A   PHOTO\tOf\r\n a\u00A0 CaT  "));
        Assert.Equal(plain, Tokenizer.Tokenize("a\u2003photo\u3000of\u2028a cat"));
    }

    [Fact]
    public void Tokenize_Digits_AreOneTokenEach()
    {
        Assert.Equal([280, 273, 271, 271, 271], Tokenizer.Tokenize("92000"));
        Assert.Equal(
            ClipAssets.Ids("1</w>", "2</w>", "3</w>", "4</w>", "5</w>", "6</w>", "7</w>", "8</w>", "9</w>", "0</w>"),
            Tokenizer.Tokenize("1234567890"));
        Assert.Equal(ClipAssets.Ids("8</w>", "k</w>"), Tokenizer.Tokenize("8k"));
        Assert.Equal(ClipAssets.Ids("$</w>", "1</w>", "0</w>", "0</w>"), Tokenizer.Tokenize("$100"));
    }

    [Fact]
    public void Tokenize_Punctuation_RunsTogetherApartFromLettersAndDigits()
    {
        Assert.Equal(ClipAssets.Ids("hello</w>", "!!!</w>", "world</w>", "?!</w>"), Tokenizer.Tokenize("Hello!!! world?!"));
        Assert.Equal(
            ClipAssets.Ids("(</w>", "masterpiece</w>", ":</w>", "1</w>", ".</w>", "2</w>", ")</w>"),
            Tokenizer.Tokenize("(masterpiece:1.2)"));
        Assert.Equal(ClipAssets.Ids("a</w>", ",</w>", "b</w>", ";</w>", "c</w>"), Tokenizer.Tokenize("a, b; c"));
    }

    [Fact]
    public void Tokenize_Contractions_SplitOffAndCurlyApostrophesCount()
    {
        var expected = ClipAssets.Ids("it</w>", "'s</w>");

        Assert.Equal(expected, Tokenizer.Tokenize("it's"));
        Assert.Equal(expected, Tokenizer.Tokenize("IT’S"));
        Assert.Equal(ClipAssets.Ids("don</w>", "'t</w>", "stop</w>"), Tokenizer.Tokenize("don't stop"));
        // "'n" is no contraction: the apostrophe is punctuation on its own.
        Assert.Equal(ClipAssets.Ids("rock</w>", "'</w>", "n</w>", "'</w>", "roll</w>"), Tokenizer.Tokenize("rock'n'roll"));
    }

    [Fact]
    public void Tokenize_HtmlEntities_AreDecodedTwice()
    {
        Assert.Equal(ClipAssets.Ids("<</w>", "cat</w>", "></w>"), Tokenizer.Tokenize("&lt;cat&gt;"));
        Assert.Equal(ClipAssets.Ids("x</w>", "&</w>", "y</w>"), Tokenizer.Tokenize("x&amp;amp;y"));
    }

    [Fact]
    public void Tokenize_SpecialTokensWrittenInText_AreTheirIds()
    {
        Assert.Equal([320, 49407, 2368], Tokenizer.Tokenize("a<|endoftext|>cat"));
        Assert.Equal([49406, 2368], Tokenizer.Tokenize("<|STARTOFTEXT|> cat"));
    }

    [Fact]
    public void Encode_EmptyOrBlankPrompt_IsBeginEndAndPadding()
    {
        int[] expected = [49406, 49407, .. Enumerable.Repeat(49407, 75)];

        Assert.Equal(expected, Tokenizer.Encode(string.Empty));
        Assert.Equal(expected, Tokenizer.Encode(" \t\n "));
        Assert.Empty(Tokenizer.Tokenize(string.Empty));
    }

    [Fact]
    public void Encode_SeventyFiveTokens_FillTheContextWithoutPadding()
    {
        var prompt = string.Join(' ', Enumerable.Repeat("cat", 75));

        var ids = Tokenizer.Encode(prompt);

        Assert.Equal([49406, .. Enumerable.Repeat(2368, 75), 49407], ids);
        Assert.Equal(ids, Tokenizer.Encode(prompt + " dog"));
    }

    [Fact]
    public void Load_PadToken_ChoosesThePadding()
    {
        var bang = ClipTokenizer.Load(ClipAssets.VocabPath, ClipAssets.MergesPath, "!");
        var endOfText = ClipTokenizer.Load(ClipAssets.VocabPath, ClipAssets.MergesPath, "<|endoftext|>");

        Assert.Equal(0, bang.PadId);
        Assert.Equal([49406, 320, 1125, 539, 320, 2368, 49407, .. Enumerable.Repeat(0, 70)], bang.Encode("a photo of a cat"));
        Assert.Equal(ClipTokenizer.EndOfText, endOfText.PadId);
        Assert.Equal(ClipTokenizer.EndOfText, Tokenizer.PadId);
        Assert.Equal(ClipTokenizer.BeginOfText, Tokenizer.BosId);
        Assert.Equal(ClipTokenizer.EndOfText, Tokenizer.EosId);
    }

    [Fact]
    public void Load_PadTokenNotInVocabulary_NamesTheVocabulary()
    {
        var error = Assert.Throws<InvalidModelException>(() => ClipTokenizer.Load(ClipAssets.VocabPath, ClipAssets.MergesPath, "<pad>"));

        Assert.Contains(ClipAssets.VocabPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("<pad>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_ManyThreadsAtOnce_GiveTheSameIdsAsOneThread()
    {
        var tokenizer = ClipTokenizer.Load(ClipAssets.VocabPath, ClipAssets.MergesPath);
        var prompts = Enumerable.Range(0, 64).Select(i => RandomWords(new Random(i), 400)).ToArray();
        var expected = prompts.Select(ClipAssets.Tokenizer.Encode).ToArray();

        var actual = new int[prompts.Length * 4][];
        Parallel.For(0, actual.Length, i => actual[i] = tokenizer.Encode(prompts[i % prompts.Length]));

        for (var i = 0; i < actual.Length; i++)
            Assert.Equal(expected[i % prompts.Length], actual[i]);
    }

    [Fact]
    public void Tokenize_MoreWordsThanTheCacheHolds_StaysBoundedAndCorrect()
    {
        var tokenizer = ClipTokenizer.Load(ClipAssets.VocabPath, ClipAssets.MergesPath);
        var words = RandomWords(new Random(3), 200_000);

        var ids = tokenizer.Tokenize(words);

        Assert.InRange(tokenizer.CachedWordCount, 1, ClipTokenizer.CacheCapacity);
        Assert.Equal(ids, tokenizer.Tokenize(words));
        Assert.Equal(ids, ClipAssets.Tokenizer.Tokenize(words));
    }

    /// <summary>Lower-case pseudo-words of 1–12 letters, separated by spaces, about <paramref name="length"/> characters in all.</summary>
    internal static string RandomWords(Random random, int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            var letters = random.Next(1, 13);
            for (var i = 0; i < letters; i++)
                text.Append((char)('a' + random.Next(26)));
            text.Append(' ');
        }

        return text.ToString(0, length);
    }
}
