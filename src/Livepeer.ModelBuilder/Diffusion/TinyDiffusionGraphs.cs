namespace Livepeer.ModelBuilder;

/// <summary>The graphs of a <see cref="TinyDiffusionSpec"/> model, each with its real export's input and output names.</summary>
internal static class TinyDiffusionGraphs
{
    public const int SequenceLength = 77;
    private const int Opset = 13;
    private const int LatentChannels = 4;
    private const int VaeFactor = 8;

    // Latents reach the decoder at about σ_max / 0.18215 ≈ 80 times unit scale; a small gain keeps tanh out of
    // saturation, so that small changes in the latents (another prompt, guidance) still show in the pixels.
    private const float DecoderGain = 0.01f;

    // Prompts differ in a few of 77 tokens, so the mean over the context moves little; the gain makes a different
    // prompt visibly change the image.
    private const float ContextGain = 10f;

    private static readonly OnnxDim Batch = OnnxDim.Symbolic("batch");
    private static readonly OnnxDim Sequence = OnnxDim.Symbolic("sequence");

    /// <summary>
    /// A CLIP text encoder: token and position embeddings, then <paramref name="layers"/> tanh(xW) layers. Outputs
    /// <c>last_hidden_state</c> and <c>pooler_output</c> (the mean over tokens), and with <paramref name="allHiddenStates"/>
    /// every <c>hidden_states.N</c> (0 = embeddings) as SDXL exports do; with <paramref name="projectedWidth"/> the pooled
    /// output is projected to <c>text_embeds</c> (SDXL's second encoder).
    /// </summary>
    public static byte[] TextEncoder(int vocabularySize, int width, int layers, bool allHiddenStates, int? projectedWidth, DeterministicNoise noise)
    {
        var builder = new OnnxGraphBuilder("tiny_text_encoder")
            .AddInput("input_ids", OnnxElementType.Int32, Batch, OnnxDim.Fixed(SequenceLength))
            .AddInitializer("token_embedding", Random(noise, vocabularySize * width, 1f), vocabularySize, width)
            .AddInitializer("position_embedding", Random(noise, SequenceLength * width, 0.1f), SequenceLength, width)
            .AddNode("Gather", ["token_embedding", "input_ids"], ["tokens"], OnnxAttribute.Int("axis", 0))
            .AddNode("Add", ["tokens", "position_embedding"], ["hidden_states.0"]);
        for (var layer = 1; layer <= layers; layer++)
        {
            builder
                .AddInitializer($"layer{layer}.weight", Random(noise, width * width, 1f / width), width, width)
                .AddNode("MatMul", [$"hidden_states.{layer - 1}", $"layer{layer}.weight"], [$"layer{layer}.linear"])
                .AddNode("Tanh", [$"layer{layer}.linear"], [$"hidden_states.{layer}"]);
        }

        builder
            .AddNode("Identity", [$"hidden_states.{layers}"], ["last_hidden_state"])
            .AddNode("ReduceMean", ["last_hidden_state"], ["pooled"], OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0))
            .AddOutput("last_hidden_state", OnnxElementType.Float, Batch, OnnxDim.Fixed(SequenceLength), OnnxDim.Fixed(width));
        if (projectedWidth is { } projected)
        {
            builder
                .AddInitializer("text_projection", Random(noise, width * projected, 1f / width), width, projected)
                .AddNode("MatMul", ["pooled", "text_projection"], ["text_embeds"])
                .AddOutput("text_embeds", OnnxElementType.Float, Batch, OnnxDim.Fixed(projected));
        }
        else
        {
            builder.AddNode("Identity", ["pooled"], ["pooler_output"]).AddOutput("pooler_output", OnnxElementType.Float, Batch, OnnxDim.Fixed(width));
        }

        if (allHiddenStates)
        {
            for (var layer = 0; layer <= layers; layer++)
                builder.AddOutput($"hidden_states.{layer}", OnnxElementType.Float, Batch, OnnxDim.Fixed(SequenceLength), OnnxDim.Fixed(width));
        }

        return builder.Build(Opset);
    }

    /// <summary>
    /// A UNet: <c>out_sample</c> = 0.1·conv(relu(conv(sample))) + 10·mean(context) + the means of SDXL's extra inputs + timestep/1000,
    /// so that the prompt, the timestep and (for SDXL) <c>text_embeds</c> and <c>time_ids</c> all change the output.
    /// </summary>
    public static byte[] UNet(TinyDiffusionSpec spec, DeterministicNoise noise)
    {
        var latentHeight = OnnxDim.Symbolic("latent_height");
        var latentWidth = OnnxDim.Symbolic("latent_width");
        var channels = spec.UNetChannels;
        var io = spec.Float16UNet ? OnnxElementType.Float16 : OnnxElementType.Float;
        var builder = new OnnxGraphBuilder("tiny_unet");
        string Input(string name, OnnxElementType type, params OnnxDim[] dims) => ComputeInput(builder, name, type, dims);

        var sample = Input("sample", io, Batch, OnnxDim.Fixed(LatentChannels), latentHeight, latentWidth);
        var timestep = Input("timestep", spec.FloatTimestep ? io : OnnxElementType.Int64, spec.FloatTimestep ? Batch : OnnxDim.Fixed(1));
        var context = Input("encoder_hidden_states", io, Batch, Sequence, OnnxDim.Fixed(spec.ContextDim));
        builder
            .AddOutput("out_sample", io, Batch, OnnxDim.Fixed(LatentChannels), latentHeight, latentWidth)
            .AddInitializer("column", [-1L, 1, 1, 1], 4)
            .AddInitializer("per_thousand", [0.001f], 1)
            .AddInitializer("tenth", [0.1f], 1)
            .AddInitializer("context_gain", [ContextGain], 1)
            .AddInitializer("conv_in.weight", Random(noise, channels * LatentChannels * 9, 1f / (LatentChannels * 9)), channels, LatentChannels, 3, 3)
            .AddInitializer("conv_in.bias", new float[channels], channels)
            .AddInitializer("conv_out.weight", Random(noise, LatentChannels * channels * 9, 1f / (channels * 9)), LatentChannels, channels, 3, 3)
            .AddInitializer("conv_out.bias", new float[LatentChannels], LatentChannels)
            .AddNode("Conv", [sample, "conv_in.weight", "conv_in.bias"], ["hidden"], OnnxAttribute.Ints("pads", 1, 1, 1, 1))
            .AddNode("Relu", ["hidden"], ["hidden.relu"])
            .AddNode("Conv", ["hidden.relu", "conv_out.weight", "conv_out.bias"], ["features"], OnnxAttribute.Ints("pads", 1, 1, 1, 1))
            .AddNode("Mul", ["features", "tenth"], ["features.scaled"])
            .AddNode("ReduceMean", [context], ["context.mean"], OnnxAttribute.Ints("axes", 1, 2), OnnxAttribute.Int("keepdims", 0))
            .AddNode("Mul", ["context.mean", "context_gain"], ["context.gained"])
            .AddNode("Reshape", ["context.gained", "column"], ["context.column"])
            .AddNode("Cast", [timestep], ["timestep.cast"], OnnxAttribute.Int("to", (long)OnnxElementType.Float))
            .AddNode("Mul", ["timestep.cast", "per_thousand"], ["timestep.scaled"])
            .AddNode("Reshape", ["timestep.scaled", "column"], ["timestep.column"])
            .AddNode("Add", ["features.scaled", "context.column"], ["conditioned"])
            .AddNode("Add", ["conditioned", "timestep.column"], ["conditioned.time"]);
        var result = "conditioned.time";
        if (spec.Xl)
        {
            var textEmbeds = Input("text_embeds", io, Batch, OnnxDim.Fixed(TinyDiffusionSpec.PooledDim));
            var timeIds = Input("time_ids", io, Batch, OnnxDim.Fixed(6));
            builder
                .AddNode("ReduceMean", [textEmbeds], ["text_embeds.mean"], OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0))
                .AddNode("Reshape", ["text_embeds.mean", "column"], ["text_embeds.column"])
                .AddNode("ReduceMean", [timeIds], ["time_ids.mean"], OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0))
                .AddNode("Mul", ["time_ids.mean", "per_thousand"], ["time_ids.scaled"])
                .AddNode("Reshape", ["time_ids.scaled", "column"], ["time_ids.column"])
                .AddNode("Add", ["conditioned.time", "text_embeds.column"], ["conditioned.pooled"])
                .AddNode("Add", ["conditioned.pooled", "time_ids.column"], ["conditioned.all"]);
            result = "conditioned.all";
        }

        builder.AddNode("Cast", [result], ["out_sample"], OnnxAttribute.Int("to", (long)io));
        return builder.Build(Opset);
    }

    /// <summary>A VAE decoder: 1x1 conv to RGB, nearest resize ×8, tanh into [−1, 1].</summary>
    public static byte[] VaeDecoder(DeterministicNoise noise) =>
        new OnnxGraphBuilder("tiny_vae_decoder")
            .AddInput("latent_sample", OnnxElementType.Float, Batch, OnnxDim.Fixed(LatentChannels), OnnxDim.Symbolic("latent_height"), OnnxDim.Symbolic("latent_width"))
            .AddOutput("sample", OnnxElementType.Float, Batch, OnnxDim.Fixed(3), OnnxDim.Symbolic("height"), OnnxDim.Symbolic("width"))
            .AddInitializer("conv.weight", Random(noise, 3 * LatentChannels, DecoderGain), 3, LatentChannels, 1, 1)
            .AddInitializer("conv.bias", new float[3], 3)
            .AddInitializer("scales", [1f, 1f, VaeFactor, VaeFactor], 4)
            .AddNode("Conv", ["latent_sample", "conv.weight", "conv.bias"], ["rgb"])
            .AddNode("Resize", ["rgb", string.Empty, "scales"], ["rgb.large"], OnnxAttribute.String("mode", "nearest"))
            .AddNode("Tanh", ["rgb.large"], ["sample"])
            .Build(Opset);

    /// <summary>A VAE encoder: 8x8 average pooling, then a 1x1 conv to four latent channels.</summary>
    public static byte[] VaeEncoder(DeterministicNoise noise) =>
        new OnnxGraphBuilder("tiny_vae_encoder")
            .AddInput("sample", OnnxElementType.Float, Batch, OnnxDim.Fixed(3), OnnxDim.Symbolic("height"), OnnxDim.Symbolic("width"))
            .AddOutput("latent_sample", OnnxElementType.Float, Batch, OnnxDim.Fixed(LatentChannels), OnnxDim.Symbolic("latent_height"), OnnxDim.Symbolic("latent_width"))
            .AddInitializer("conv.weight", Random(noise, LatentChannels * 3, 1f), LatentChannels, 3, 1, 1)
            .AddInitializer("conv.bias", new float[LatentChannels], LatentChannels)
            .AddNode("AveragePool", ["sample"], ["pooled"], OnnxAttribute.Ints("kernel_shape", VaeFactor, VaeFactor), OnnxAttribute.Ints("strides", VaeFactor, VaeFactor))
            .AddNode("Conv", ["pooled", "conv.weight", "conv.bias"], ["latent_sample"])
            .Build(Opset);

    /// <summary>
    /// The diffusers safety checker's contract: <c>clip_input</c> [B,3,224,224] and <c>images</c> [B,H,W,3] in,
    /// <c>images</c> and <c>has_nsfw_concepts</c> (bool [B]) out; here flagged when the mean of clip_input exceeds a threshold.
    /// </summary>
    public static byte[] SafetyChecker(float threshold) =>
        new OnnxGraphBuilder("tiny_safety_checker")
            .AddInput("clip_input", OnnxElementType.Float, Batch, OnnxDim.Fixed(3), OnnxDim.Fixed(224), OnnxDim.Fixed(224))
            .AddInput("images", OnnxElementType.Float, Batch, OnnxDim.Symbolic("height"), OnnxDim.Symbolic("width"), OnnxDim.Fixed(3))
            .AddOutput("out_images", OnnxElementType.Float, Batch, OnnxDim.Symbolic("height"), OnnxDim.Symbolic("width"), OnnxDim.Fixed(3))
            .AddOutput("has_nsfw_concepts", OnnxElementType.Bool, Batch)
            .AddInitializer("threshold", [threshold], 1)
            .AddNode("Identity", ["images"], ["out_images"])
            .AddNode("ReduceMean", ["clip_input"], ["mean"], OnnxAttribute.Ints("axes", 1, 2, 3), OnnxAttribute.Int("keepdims", 0))
            .AddNode("Greater", ["mean", "threshold"], ["has_nsfw_concepts"])
            .Build(Opset);

    /// <summary>
    /// Adds a graph input and returns the tensor to compute with: the input itself, or for a float16 input (an fp16
    /// export's inputs and outputs are float16) its cast to float, since these graphs compute in float inside.
    /// </summary>
    internal static string ComputeInput(OnnxGraphBuilder builder, string name, OnnxElementType type, params OnnxDim[] dims)
    {
        builder.AddInput(name, type, dims);
        if (type != OnnxElementType.Float16)
            return name;
        builder.AddNode("Cast", [name], [$"{name}.float"], OnnxAttribute.Int("to", (long)OnnxElementType.Float));
        return $"{name}.float";
    }

    internal static float[] Random(DeterministicNoise noise, int count, float amplitude)
    {
        var values = new float[count];
        for (var i = 0; i < values.Length; i++) values[i] = noise.NextSymmetric(amplitude);
        return values;
    }
}
