using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion.Text;

/// <summary>
/// The O(n log n) merger against CLIP's own loop written plainly: find the lowest-ranked adjacent pair, merge every
/// occurrence of it left to right without overlap, repeat.
/// </summary>
public sealed class BytePairMergerTests
{
    [Fact]
    public void Merge_RandomWordsOverTheClipVocabulary_MatchesClipsLoop()
    {
        var vocabulary = ClipVocabulary.Load(ClipAssets.VocabPath, ClipAssets.MergesPath);
        var random = new Random(2024);
        // Few letters and repeats make long merge chains; bytes above 0x7F exercise the byte symbols.
        byte[] alphabet = [.. "aeinorst"u8, .. "ab"u8, 0xC3, 0xA9, 0xF0, 0x9F];

        for (var sample = 0; sample < 3000; sample++)
        {
            var length = random.Next(1, sample < 2900 ? 24 : 400);
            var symbols = new int[length];
            for (var i = 0; i < length; i++)
            {
                var b = alphabet[random.Next(alphabet.Length)];
                symbols[i] = i == length - 1 ? vocabulary.LastByteIds[b] : vocabulary.ByteIds[b];
            }

            var expected = MergeLikeClip([.. symbols], vocabulary.Merges);
            var count = BytePairMerger.Merge(symbols, vocabulary.Merges);

            Assert.Equal(expected, symbols[..count]);
        }
    }

    [Fact]
    public void Merge_OneOrNoSymbols_IsUnchanged()
    {
        var vocabulary = ClipVocabulary.Load(ClipAssets.VocabPath, ClipAssets.MergesPath);
        int[] one = [vocabulary.LastByteIds['a']];

        Assert.Equal(1, BytePairMerger.Merge(one, vocabulary.Merges));
        Assert.Equal(0, BytePairMerger.Merge([], vocabulary.Merges));
    }

    private static int[] MergeLikeClip(List<int> word, Dictionary<long, ClipMerge> merges)
    {
        while (word.Count > 1)
        {
            ClipMerge? best = null;
            (int Left, int Right) bestPair = default;
            for (var i = 0; i + 1 < word.Count; i++)
            {
                if (merges.TryGetValue(ClipVocabulary.PairKey(word[i], word[i + 1]), out var merge) && (best is null || merge.Rank < best.Value.Rank))
                {
                    best = merge;
                    bestPair = (word[i], word[i + 1]);
                }
            }

            if (best is null)
                break;
            var merged = new List<int>(word.Count);
            for (var i = 0; i < word.Count; i++)
            {
                if (i + 1 < word.Count && word[i] == bestPair.Left && word[i + 1] == bestPair.Right)
                {
                    merged.Add(best.Value.MergedId);
                    i++;
                }
                else
                {
                    merged.Add(word[i]);
                }
            }

            word = merged;
        }

        return [.. word];
    }
}
