using System.Diagnostics;
using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion.Text;

/// <summary>
/// Long prompts stay fast and are cut to the context. Timed alone (no other test runs alongside) and as the best of
/// several prompts, so that a busy machine slows the measurement less than a slower algorithm would.
/// </summary>
[Collection(nameof(ClipTokenizerSpeedTests))]
public sealed class ClipTokenizerSpeedTests
{
    [Fact]
    public void Encode_TenThousandCharacterPrompt_TruncatesToContextWithin50Ms()
    {
        var prompts = Enumerable.Range(0, 5).Select(seed => ClipTokenizerTests.RandomWords(new Random(seed), 10_000)).ToArray();

        var (ids, milliseconds) = FastestEncode(prompts);

        var content = ClipAssets.Tokenizer.Tokenize(prompts[0]);
        Assert.True(content.Count > 1000, $"only {content.Count} tokens");
        Assert.Equal(ClipTokenizer.ContextLength, ids.Length);
        Assert.Equal([49406, .. content.Take(75), 49407], ids);
        Assert.True(milliseconds < 50, $"took {milliseconds:F1} ms at best");
    }

    [Fact]
    public void Encode_TenThousandLetterWord_MergesItAllWithoutQuadraticTime()
    {
        var words = Enumerable.Range(0, 5)
            .Select(seed => ClipTokenizerTests.RandomWords(new Random(seed), 10_000).Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToArray();

        var (ids, milliseconds) = FastestEncode(words);

        var content = ClipAssets.Tokenizer.Tokenize(words[0]);
        Assert.True(content.Count > 1000, $"only {content.Count} tokens");
        Assert.Equal([49406, .. content.Take(75), 49407], ids);
        // About 10 ms on an idle core; CLIP's own loop (a scan of the word per merge) takes seconds here.
        Assert.True(milliseconds < 500, $"took {milliseconds:F1} ms at best");
    }

    /// <summary>Encodes each prompt on a fresh, warmed-up tokenizer; returns the first one's ids and the fastest time.</summary>
    private static (int[] Ids, double Milliseconds) FastestEncode(string[] prompts)
    {
        var tokenizer = ClipTokenizer.Load(ClipAssets.VocabPath, ClipAssets.MergesPath);
        tokenizer.Encode(ClipTokenizerTests.RandomWords(new Random(99), 10_000));
        tokenizer.Encode(new string('x', 1000));
        int[]? first = null;
        var fastest = double.MaxValue;
        foreach (var prompt in prompts)
        {
            var clock = Stopwatch.StartNew();
            var ids = tokenizer.Encode(prompt);
            fastest = Math.Min(fastest, clock.Elapsed.TotalMilliseconds);
            first ??= ids;
        }

        return (first!, fastest);
    }
}
