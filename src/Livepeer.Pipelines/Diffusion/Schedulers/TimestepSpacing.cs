namespace Livepeer.Pipelines.Diffusion;

/// <summary>How N inference timesteps are picked from the T training timesteps (diffusers' <c>timestep_spacing</c>).</summary>
internal enum TimestepSpacing
{
    /// <summary>N points evenly from T−1 down to 0 (both ends included).</summary>
    Linspace,

    /// <summary>Multiples of ⌊T/N⌋ from 0 up, reversed, plus <see cref="SchedulerOptions.StepsOffset"/>.</summary>
    Leading,

    /// <summary>T − k·T/N − 1, rounded: the first step is always T−1 (pure noise), as Turbo models need.</summary>
    Trailing,
}
