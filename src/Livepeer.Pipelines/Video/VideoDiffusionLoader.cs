using Livepeer.Media;
using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Video;

/// <summary>
/// Opens every graph of a Stable Video Diffusion folder on one device and checks their contracts, so a wrong or missing
/// file fails the load naming it. Manifest file roles: <c>image_encoder</c> (CLIP vision with projection),
/// <c>vae_encoder</c>, <c>unet</c> (spatio-temporal), <c>vae_decoder</c> (temporal) and optional <c>safety_checker</c>.
/// </summary>
internal static class VideoDiffusionLoader
{
    public static ILoadedModel Load(InstalledModel model, ComputeDevice device, OnnxSessionFactory sessions, CancellationToken cancellationToken) =>
        new ModelGraphs(model, device, sessions, cancellationToken).Build(graphs =>
        {
            var unet = new VideoUNetDenoiser(graphs.Open("unet"));
            var settings = VideoDiffusionSettings.From(model.Manifest, unet.Frames);
            var embedder = new ImageEmbedder(graphs.Open("image_encoder"));
            var vae = new TemporalVae(graphs.Open("vae_encoder"), graphs.Open("vae_decoder"), settings.VaeScalingFactor);
            var checker = graphs.OpenOptional("safety_checker");
            return new VideoDiffusionPipeline(
                model.Manifest, settings, embedder, vae, unet, checker is null ? null : new SafetyChecker(checker), new VideoEncoder(), graphs.Provider);
        });
}
