namespace Livepeer.Pipelines.Tests.Diffusion.Text;

/// <summary>Runs <see cref="ClipTokenizerSpeedTests"/> with no other test alongside, so that its timings are its own.</summary>
[CollectionDefinition(nameof(ClipTokenizerSpeedTests), DisableParallelization = true)]
public sealed class ClipTokenizerSpeedCollection;
