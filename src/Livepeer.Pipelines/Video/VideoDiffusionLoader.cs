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
    public static ILoadedModel Load(InstalledModel model, ComputeDevice device, OnnxSessionFactory sessions, CancellationToken cancellationToken)
    {
        var manifest = model.Manifest;
        var opened = new List<IDisposable>();
        var provider = "CPUExecutionProvider";
        OnnxGraph Open(string role)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (session, actual) = sessions.Create(manifest.FilePath(model.Folder, role), device);
            provider = actual;
            var graph = new OnnxGraph(session, manifest.Id, role);
            opened.Add(graph);
            return graph;
        }

        try
        {
            var unet = new VideoUNetDenoiser(Open("unet"));
            var settings = VideoDiffusionSettings.From(manifest, unet.Frames);
            var embedder = new ImageEmbedder(Open("image_encoder"));
            var vae = new TemporalVae(Open("vae_encoder"), Open("vae_decoder"), settings.VaeScalingFactor);
            SafetyChecker? safety = null;
            if (manifest.Files.ContainsKey("safety_checker"))
            {
                var checker = Open("safety_checker");
                checker.Require(["clip_input", "images"], ["has_nsfw_concepts"]);
                safety = new SafetyChecker(checker);
            }

            return new VideoDiffusionPipeline(manifest, settings, embedder, vae, unet, safety, new VideoEncoder(), provider);
        }
        catch
        {
            foreach (var graph in opened) graph.Dispose();
            throw;
        }
    }
}
