using System.Text.Json;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// A CLIP BPE vocabulary in the Hugging Face layout: <c>vocab.json</c> (symbol → id) and <c>merges.txt</c> (a
/// <c>#version</c> line, then one "left right" pair per line, the earliest line merged first). Symbols are byte-level
/// (GPT-2's byte → character map) and a word's last symbol carries <c>&lt;/w&gt;</c>.
/// </summary>
internal sealed class ClipVocabulary
{
    public const string EndOfWord = "</w>";

    private ClipVocabulary(
        Dictionary<string, int> ids, Dictionary<long, ClipMerge> merges, int[] byteIds, int[] lastByteIds)
    {
        Ids = ids;
        Merges = merges;
        ByteIds = byteIds;
        LastByteIds = lastByteIds;
        BeginOfTextId = ids[ClipPreTokenizer.StartOfText];
        EndOfTextId = ids[ClipPreTokenizer.EndOfText];
    }

    /// <summary>Every symbol's id.</summary>
    public IReadOnlyDictionary<string, int> Ids { get; }

    /// <summary>Merge rules by <see cref="PairKey"/> of the two symbol ids.</summary>
    public Dictionary<long, ClipMerge> Merges { get; }

    /// <summary>The id of each byte's symbol inside a word, or <see cref="ClipMerge.Unknown"/>.</summary>
    public int[] ByteIds { get; }

    /// <summary>The id of each byte's symbol at the end of a word (with <c>&lt;/w&gt;</c>), or <see cref="ClipMerge.Unknown"/>.</summary>
    public int[] LastByteIds { get; }

    /// <summary>The id of <c>&lt;|startoftext|&gt;</c>.</summary>
    public int BeginOfTextId { get; }

    /// <summary>End of text; also the id of any symbol the vocabulary lacks, as in CLIP.</summary>
    public int EndOfTextId { get; }

    /// <summary>
    /// The key of the pair (<paramref name="left"/>, <paramref name="right"/>) in <see cref="Merges"/>: left in the high
    /// half, right scrambled by left in the low half. A long's hash XORs its halves, so plain (left, right) keys of ids
    /// below 65,536 would share 16 bits of hash and CLIP's 48,894 pairs long collision chains.
    /// </summary>
    public static long PairKey(int left, int right) => ((long)left << 32) | (uint)(right ^ (left * -1640531535));

    /// <summary>Reads both files; throws <see cref="InvalidModelException"/> naming the file that is missing or corrupt.</summary>
    public static ClipVocabulary Load(string vocabJsonPath, string mergesTxtPath)
    {
        var ids = ReadIds(vocabJsonPath);
        var merges = ReadMerges(mergesTxtPath, ids);
        var byteIds = new int[256];
        var lastByteIds = new int[256];
        var alphabet = ByteLevelAlphabet.Characters;
        for (var b = 0; b < 256; b++)
        {
            byteIds[b] = ids.GetValueOrDefault(alphabet[b].ToString(), ClipMerge.Unknown);
            lastByteIds[b] = ids.GetValueOrDefault(alphabet[b] + EndOfWord, ClipMerge.Unknown);
        }

        return new ClipVocabulary(ids, merges, byteIds, lastByteIds);
    }

    private static Dictionary<string, int> ReadIds(string path)
    {
        Dictionary<string, int>? ids;
        try
        {
            using var stream = File.OpenRead(path);
            ids = JsonSerializer.Deserialize<Dictionary<string, int>>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidModelException($"CLIP vocabulary '{path}' does not exist.", e);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidModelException($"CLIP vocabulary '{path}' is not a JSON object of symbol ids: {e.Message}", e);
        }

        if (ids is null)
            throw new InvalidModelException($"CLIP vocabulary '{path}' is not a JSON object of symbol ids (it is null).");
        foreach (var special in (string[])[ClipPreTokenizer.StartOfText, ClipPreTokenizer.EndOfText])
        {
            if (!ids.ContainsKey(special))
                throw new InvalidModelException($"CLIP vocabulary '{path}' lacks the special token '{special}'.");
        }

        var negative = ids.FirstOrDefault(entry => entry.Value < 0);
        if (negative.Key is not null)
            throw new InvalidModelException($"CLIP vocabulary '{path}' gives '{negative.Key}' the negative id {negative.Value}.");
        return ids;
    }

    private static Dictionary<long, ClipMerge> ReadMerges(string path, Dictionary<string, int> ids)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidModelException($"CLIP merges '{path}' does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidModelException($"CLIP merges '{path}' cannot be read: {e.Message}", e);
        }

        if (lines.Length == 0 || !lines[0].StartsWith("#version", StringComparison.Ordinal))
            throw new InvalidModelException($"CLIP merges '{path}' does not start with a '#version' line; is it a merges.txt?");

        var merges = new Dictionary<long, ClipMerge>(lines.Length);
        var parts = new List<(int Left, int Right, int Line)>(lines.Length);
        // The last rank that makes each symbol; BytePairMerger relies on every rule coming after those that make its parts.
        var madeAt = new Dictionary<int, int>(lines.Length);
        for (var index = 1; index < lines.Length; index++)
        {
            var line = lines[index];
            if (line.Length == 0)
                continue;
            var symbols = line.Split(' ');
            if (symbols.Length != 2 || symbols[0].Length == 0 || symbols[1].Length == 0)
                throw new InvalidModelException($"CLIP merges '{path}' line {index + 1} is not two symbols separated by one space: '{line}'.");
            var left = RequireId(ids, symbols[0], path, index);
            var right = RequireId(ids, symbols[1], path, index);
            var merged = RequireId(ids, symbols[0] + symbols[1], path, index);
            // The first occurrence of a pair keeps its (lower) rank.
            var rank = merges.Count;
            if (!merges.TryAdd(PairKey(left, right), new ClipMerge(rank, merged)))
                continue;
            parts.Add((left, right, index + 1));
            madeAt[merged] = rank;
        }

        for (var rank = 0; rank < parts.Count; rank++)
        {
            var (left, right, line) = parts[rank];
            foreach (var part in (ReadOnlySpan<int>)[left, right])
            {
                if (madeAt.TryGetValue(part, out var made) && made >= rank)
                    throw new InvalidModelException($"CLIP merges '{path}' line {line} uses a symbol that line {parts[made].Line} makes later; the merges are out of order.");
            }
        }

        return merges;
    }

    private static int RequireId(Dictionary<string, int> ids, string symbol, string path, int index) =>
        ids.TryGetValue(symbol, out var id)
            ? id
            : throw new InvalidModelException($"CLIP merges '{path}' line {index + 1} uses '{symbol}', which the vocabulary lacks.");
}
