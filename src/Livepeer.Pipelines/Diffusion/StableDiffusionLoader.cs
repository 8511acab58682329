namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// Opens every graph of a Stable Diffusion model folder on one device and checks their contracts, so a wrong or
/// missing file fails the load (naming it) rather than the first job. Manifest file roles: <c>tokenizer_vocab</c>,
/// <c>tokenizer_merges</c>, <c>text_encoder</c>, <c>unet</c>, <c>vae_decoder</c>, optional <c>vae_encoder</c>
/// (image-to-image) and <c>safety_checker</c>; SDXL adds <c>tokenizer_2_vocab</c>, <c>tokenizer_2_merges</c>,
/// <c>text_encoder_2</c>.
/// </summary>
internal static class StableDiffusionLoader
{
    public static ILoadedModel Load(InstalledModel model, ComputeDevice device, OnnxSessionFactory sessions, CancellationToken cancellationToken)
    {
        var manifest = model.Manifest;
        var settings = DiffusionSettings.From(manifest);
        var opened = new List<IDisposable>();
        string provider = "CPUExecutionProvider";
        OnnxGraph Open(string role)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (session, actual) = sessions.Create(manifest.FilePath(model.Folder, role), device);
            provider = actual;
            var graph = new OnnxGraph(session, manifest.Id, role);
            opened.Add(graph);
            return graph;
        }

        OnnxGraph? OpenOptional(string role) => manifest.Files.ContainsKey(role) ? Open(role) : null;

        try
        {
            var tokenizer = ClipTokenizer.Load(manifest.FilePath(model.Folder, "tokenizer_vocab"), manifest.FilePath(model.Folder, "tokenizer_merges"), settings.PadToken);
            ClipTokenizer? tokenizer2 = null;
            OnnxGraph? encoder2 = null;
            var encoder = Open("text_encoder");
            if (settings.Xl)
            {
                tokenizer2 = ClipTokenizer.Load(manifest.FilePath(model.Folder, "tokenizer_2_vocab"), manifest.FilePath(model.Folder, "tokenizer_2_merges"), settings.PadToken2);
                encoder2 = Open("text_encoder_2");
                encoder2.Require(["input_ids"], ["text_embeds"]);
            }

            encoder.Require(["input_ids"], []);
            var unet = new UNetDenoiser(Open("unet"), settings.Xl);
            var decoder = Open("vae_decoder");
            decoder.Require(["latent_sample"], ["sample"]);
            var vaeEncoder = OpenOptional("vae_encoder");
            vaeEncoder?.Require(["sample"], ["latent_sample"]);
            var checker = OpenOptional("safety_checker");
            checker?.Require(["clip_input", "images"], ["has_nsfw_concepts"]);

            return new StableDiffusionPipeline(
                manifest, settings, new PromptEncoder(tokenizer, encoder, tokenizer2, encoder2), unet,
                new LatentImageCodec(decoder, vaeEncoder, settings.VaeScalingFactor), checker is null ? null : new SafetyChecker(checker), provider);
        }
        catch
        {
            foreach (var graph in opened) graph.Dispose();
            throw;
        }
    }
}
