namespace Livepeer.Pipelines.Diffusion;

/// <summary>One BPE merge rule: its <paramref name="Rank"/> (lower merges first) and the id of the merged symbol.</summary>
internal readonly record struct ClipMerge(int Rank, int MergedId)
{
    /// <summary>The id given to a byte symbol the vocabulary lacks until it is written out as end of text.</summary>
    public const int Unknown = -1;
}
