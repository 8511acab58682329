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
    public static ILoadedModel Load(InstalledModel model, ComputeDevice device, OnnxSessionFactory sessions, CancellationToken cancellationToken) =>
        new ModelGraphs(model, device, sessions, cancellationToken).Build(graphs =>
        {
            var manifest = model.Manifest;
            var settings = DiffusionSettings.From(manifest);
            var tokenizer = ClipTokenizer.Load(manifest.FilePath(model.Folder, "tokenizer_vocab"), manifest.FilePath(model.Folder, "tokenizer_merges"), settings.PadToken);
            ClipTokenizer? tokenizer2 = null;
            OnnxGraph? encoder2 = null;
            var encoder = graphs.Open("text_encoder");
            if (settings.Xl)
            {
                tokenizer2 = ClipTokenizer.Load(manifest.FilePath(model.Folder, "tokenizer_2_vocab"), manifest.FilePath(model.Folder, "tokenizer_2_merges"), settings.PadToken2);
                encoder2 = graphs.Open("text_encoder_2");
                encoder2.Require(["input_ids"], ["text_embeds"]);
            }

            encoder.Require(["input_ids"], []);
            var unet = new UNetDenoiser(graphs.Open("unet"), settings.Xl);
            var decoder = graphs.Open("vae_decoder");
            decoder.Require(["latent_sample"], ["sample"]);
            var vaeEncoder = graphs.OpenOptional("vae_encoder");
            vaeEncoder?.Require(["sample"], ["latent_sample"]);
            var checker = graphs.OpenOptional("safety_checker");

            return new StableDiffusionPipeline(
                manifest, settings, new PromptEncoder(tokenizer, encoder, tokenizer2, encoder2), unet,
                new LatentImageCodec(decoder, vaeEncoder, settings.VaeScalingFactor), checker is null ? null : new SafetyChecker(checker), graphs.Provider);
        });
}
