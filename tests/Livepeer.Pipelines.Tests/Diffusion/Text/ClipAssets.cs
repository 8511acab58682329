using System.Text.Json;
using Livepeer.Pipelines.Diffusion;
using Livepeer.Testing;

namespace Livepeer.Pipelines.Tests.Diffusion.Text;

/// <summary>The released CLIP vocabulary (fetched by <c>fetch clip-vocab</c>) and one tokenizer over it, shared by the tests.</summary>
internal static class ClipAssets
{
    private static readonly Lazy<ClipTokenizer> SharedTokenizer = new(() => ClipTokenizer.Load(VocabPath, MergesPath));

    private static readonly Lazy<Dictionary<string, int>> SharedIds = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(VocabPath))!);

    public static string VocabPath => TestAssets.Require("clip/vocab.json", "clip-vocab");

    public static string MergesPath => TestAssets.Require("clip/merges.txt", "clip-vocab");

    /// <summary>A tokenizer with the default padding (end of text).</summary>
    public static ClipTokenizer Tokenizer => SharedTokenizer.Value;

    /// <summary>The ids of the given symbols, read straight from vocab.json.</summary>
    public static int[] Ids(params string[] symbols) => [.. symbols.Select(symbol => SharedIds.Value[symbol])];
}
