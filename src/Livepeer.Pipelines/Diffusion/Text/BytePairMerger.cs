namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// Applies BPE merges to one word's symbols with CLIP's result: merge the lowest-ranked adjacent pair everywhere, left
/// to right without overlaps, then repeat. Short words run that loop as it is; longer ones use a priority queue of
/// every adjacent pair that has a rule, ordered by (rank, position), over a linked list of symbols, which is
/// O(n log n) and so keeps a 10,000-letter word fast. Both agree because <see cref="ClipVocabulary"/> accepts only
/// merges where every rule comes after the rules that make its symbols: a merge then creates only pairs that rank
/// after every pair still waiting.
/// </summary>
internal static class BytePairMerger
{
    private const int Removed = int.MinValue;

    // Up to here CLIP's loop (a scan per merge) costs less than the queue's allocations.
    private const int ShortWord = 16;

    /// <summary>Merges <paramref name="symbols"/> in place and returns how many remain at its front.</summary>
    public static int Merge(Span<int> symbols, Dictionary<long, ClipMerge> merges)
    {
        var count = symbols.Length;
        if (count < 2)
            return count;
        if (count <= ShortWord)
            return MergeShort(symbols, merges);

        var next = new int[count];
        var previous = new int[count];
        var queue = new PriorityQueue<int, long>();
        for (var i = 0; i < count; i++)
        {
            previous[i] = i - 1;
            next[i] = i + 1 < count ? i + 1 : -1;
            if (i + 1 < count)
                Enqueue(queue, merges, symbols, i, i + 1);
        }

        var remaining = count;
        while (queue.TryDequeue(out var left, out var priority))
        {
            var right = next[left];
            if (symbols[left] == Removed || right < 0)
                continue;
            // A pair that changed since it was queued is skipped: its rank no longer matches (ranks are unique).
            if (!merges.TryGetValue(ClipVocabulary.PairKey(symbols[left], symbols[right]), out var merge) || merge.Rank != (int)(priority >> 32))
                continue;

            symbols[left] = merge.MergedId;
            symbols[right] = Removed;
            next[left] = next[right];
            if (next[right] >= 0)
                previous[next[right]] = left;
            remaining--;
            if (previous[left] >= 0)
                Enqueue(queue, merges, symbols, previous[left], left);
            if (next[left] >= 0)
                Enqueue(queue, merges, symbols, left, next[left]);
        }

        var written = 0;
        for (var i = 0; i >= 0; i = next[i])
            symbols[written++] = symbols[i];
        System.Diagnostics.Debug.Assert(written == remaining, "The linked list and the count of merges disagree.");
        return written;
    }

    private static int MergeShort(Span<int> symbols, Dictionary<long, ClipMerge> merges)
    {
        var count = symbols.Length;
        while (count > 1)
        {
            var best = new ClipMerge(int.MaxValue, 0);
            var bestKey = 0L;
            for (var i = 0; i + 1 < count; i++)
            {
                var key = ClipVocabulary.PairKey(symbols[i], symbols[i + 1]);
                if (merges.TryGetValue(key, out var merge) && merge.Rank < best.Rank)
                {
                    best = merge;
                    bestKey = key;
                }
            }

            if (best.Rank == int.MaxValue)
                break;
            var written = 0;
            for (var i = 0; i < count; i++)
            {
                if (i + 1 < count && ClipVocabulary.PairKey(symbols[i], symbols[i + 1]) == bestKey)
                {
                    symbols[written++] = best.MergedId;
                    i++;
                }
                else
                {
                    symbols[written++] = symbols[i];
                }
            }

            count = written;
        }

        return count;
    }

    private static void Enqueue(PriorityQueue<int, long> queue, Dictionary<long, ClipMerge> merges, Span<int> symbols, int left, int right)
    {
        if (merges.TryGetValue(ClipVocabulary.PairKey(symbols[left], symbols[right]), out var merge))
            queue.Enqueue(left, ((long)merge.Rank << 32) | (uint)left);
    }
}
