using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// CLIP's byte-level BPE tokenizer, as the Stable Diffusion text encoders expect it: text is cleaned and lower-cased
/// (<see cref="ClipTextNormalizer"/>), split into words (<see cref="ClipPreTokenizer"/>), and each word's UTF-8 bytes
/// are merged by the vocabulary's rules (<see cref="BytePairMerger"/>). Thread-safe; words already seen are cached.
/// </summary>
internal sealed class ClipTokenizer
{
    /// <summary>The id of <c>&lt;|startoftext|&gt;</c> in the released CLIP vocabulary.</summary>
    public const int BeginOfText = 49406;

    /// <summary>The id of <c>&lt;|endoftext|&gt;</c> in the released CLIP vocabulary.</summary>
    public const int EndOfText = 49407;

    /// <summary>The text encoders' sequence length, begin and end of text included.</summary>
    public const int ContextLength = 77;

    private const int MaxContentTokens = ContextLength - 2;

    // Prompts reuse a small set of words; the bound keeps a stream of unusual prompts from growing the cache forever,
    // and long "words" (runs of letters or punctuation) are rare enough not to be worth keeping.
    internal const int CacheCapacity = 16_384;
    private const int MaxCachedWordLength = 48;

    private readonly ClipVocabulary vocabulary;
    private readonly ConcurrentDictionary<string, int[]> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> cachedWords;
    private readonly int[] beginOfTextWord;
    private readonly int[] endOfTextWord;
    private int cacheCount;

    private ClipTokenizer(ClipVocabulary vocabulary, int padId)
    {
        this.vocabulary = vocabulary;
        PadId = padId;
        cachedWords = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        beginOfTextWord = [vocabulary.BeginOfTextId];
        endOfTextWord = [vocabulary.EndOfTextId];
    }

    /// <summary>The id of <c>&lt;|startoftext|&gt;</c> in this vocabulary (<see cref="BeginOfText"/> in CLIP's).</summary>
    public int BosId => vocabulary.BeginOfTextId;

    /// <summary>The id of <c>&lt;|endoftext|&gt;</c> in this vocabulary (<see cref="EndOfText"/> in CLIP's).</summary>
    public int EosId => vocabulary.EndOfTextId;

    /// <summary>The id that fills <see cref="Encode"/>'s output after the end of text.</summary>
    public int PadId { get; }

    /// <summary>How many words the cache holds now (at most <see cref="CacheCapacity"/>).</summary>
    internal int CachedWordCount => cache.Count;

    /// <summary>
    /// Reads <c>vocab.json</c> and <c>merges.txt</c>. <paramref name="padToken"/> picks the padding: null or
    /// <c>&lt;|endoftext|&gt;</c> for SD 1.x and SDXL's first tokenizer, <c>!</c> (id 0) for SD 2.x, SD-Turbo and
    /// SDXL's <c>tokenizer_2</c>, as each model's <c>special_tokens_map.json</c> says.
    /// </summary>
    /// <exception cref="InvalidModelException">A file is missing or corrupt, or lacks the pad token; the message names it.</exception>
    public static ClipTokenizer Load(string vocabJsonPath, string mergesTxtPath, string? padToken = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(vocabJsonPath);
        ArgumentException.ThrowIfNullOrEmpty(mergesTxtPath);
        var vocabulary = ClipVocabulary.Load(vocabJsonPath, mergesTxtPath);
        var padId = vocabulary.EndOfTextId;
        if (padToken is not null && !vocabulary.Ids.TryGetValue(padToken, out padId))
            throw new InvalidModelException($"CLIP vocabulary '{vocabJsonPath}' has no pad token '{padToken}'.");
        return new ClipTokenizer(vocabulary, padId);
    }

    /// <summary>
    /// The text encoder's input: exactly <see cref="ContextLength"/> ids, begin of text, the first 75 content tokens,
    /// end of text, then <see cref="PadId"/>.
    /// </summary>
    public int[] Encode(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var content = new List<int>(MaxContentTokens + 8);
        AppendTokens(prompt, content, MaxContentTokens);
        var count = Math.Min(content.Count, MaxContentTokens);

        var ids = new int[ContextLength];
        ids[0] = BosId;
        content.CopyTo(0, ids, 1, count);
        ids[count + 1] = EosId;
        ids.AsSpan(count + 2).Fill(PadId);
        return ids;
    }

    /// <summary>Every content token of <paramref name="text"/>, without begin or end of text and untruncated.</summary>
    public IReadOnlyList<int> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>();
        AppendTokens(text, ids, int.MaxValue);
        return ids;
    }

    /// <summary>Appends the tokens of <paramref name="text"/>'s words, stopping after the word that reaches <paramref name="limit"/>.</summary>
    private void AppendTokens(string text, List<int> ids, int limit)
    {
        var normalized = ClipTextNormalizer.Normalize(text).AsSpan();
        var position = 0;
        while (ids.Count < limit && ClipPreTokenizer.TryNext(normalized, ref position, out var word))
            ids.AddRange(WordIds(normalized[word]));
    }

    private int[] WordIds(ReadOnlySpan<char> word)
    {
        if (cachedWords.TryGetValue(word, out var cached))
            return cached;
        // As in CLIP, the special tokens written in a prompt are themselves, not the bytes of their spelling.
        if (word.SequenceEqual(ClipPreTokenizer.StartOfText))
            return beginOfTextWord;
        if (word.SequenceEqual(ClipPreTokenizer.EndOfText))
            return endOfTextWord;

        var ids = Merge(word);
        if (word.Length <= MaxCachedWordLength)
        {
            if (Interlocked.Increment(ref cacheCount) > CacheCapacity)
            {
                cache.Clear();
                Interlocked.Exchange(ref cacheCount, 1);
            }

            cachedWords.TryAdd(word, ids);
        }

        return ids;
    }

    private int[] Merge(ReadOnlySpan<char> word)
    {
        // Normalized text has no lone surrogates (they became U+FFFD), so the UTF-8 bytes are exact.
        var byteCount = Encoding.UTF8.GetByteCount(word);
        var rentedBytes = byteCount > 256 ? ArrayPool<byte>.Shared.Rent(byteCount) : null;
        var rentedSymbols = byteCount > 256 ? ArrayPool<int>.Shared.Rent(byteCount) : null;
        try
        {
            var bytes = rentedBytes is null ? stackalloc byte[byteCount] : rentedBytes.AsSpan(0, byteCount);
            var symbols = rentedSymbols is null ? stackalloc int[byteCount] : rentedSymbols.AsSpan(0, byteCount);
            Encoding.UTF8.GetBytes(word, bytes);
            for (var i = 0; i < byteCount - 1; i++)
                symbols[i] = vocabulary.ByteIds[bytes[i]];
            symbols[^1] = vocabulary.LastByteIds[bytes[^1]];

            var count = BytePairMerger.Merge(symbols, vocabulary.Merges);
            var ids = symbols[..count].ToArray();
            // A byte the vocabulary lacks (only in a hand-made one) is CLIP's unknown token, end of text.
            for (var i = 0; i < ids.Length; i++)
            {
                if (ids[i] == ClipMerge.Unknown)
                    ids[i] = vocabulary.EndOfTextId;
            }

            return ids;
        }
        finally
        {
            if (rentedBytes is not null)
                ArrayPool<byte>.Shared.Return(rentedBytes);
            if (rentedSymbols is not null)
                ArrayPool<int>.Shared.Return(rentedSymbols);
        }
    }
}
