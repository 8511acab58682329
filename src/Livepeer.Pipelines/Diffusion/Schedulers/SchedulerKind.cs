namespace Livepeer.Pipelines.Diffusion;

/// <summary>The sampling algorithm that turns the UNet's output into the next latents.</summary>
internal enum SchedulerKind
{
    /// <summary>Deterministic Euler steps in σ space (k-diffusion's "Euler"; diffusers' EulerDiscreteScheduler).</summary>
    Euler,

    /// <summary>Euler with fresh noise added after each step (SDXL-Turbo's scheduler).</summary>
    EulerAncestral,

    /// <summary>Latent consistency model sampling: predict x₀, then re-noise to the next timestep.</summary>
    Lcm,

    /// <summary>DDIM with η = 0 (deterministic).</summary>
    Ddim,
}
