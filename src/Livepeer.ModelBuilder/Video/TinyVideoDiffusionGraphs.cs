namespace Livepeer.ModelBuilder;

/// <summary>The graphs of a <see cref="TinyVideoDiffusionSpec"/> model, each with its real export's input and output names.</summary>
internal static class TinyVideoDiffusionGraphs
{
    private const int Opset = 13;
    private const int LatentChannels = 4;
    private const int SampleChannels = 2 * LatentChannels;
    private const int VaeFactor = 8;

    // The decoder sees latents divided by 0.18215; the gain keeps tanh out of saturation so frames differ visibly.
    private const float DecoderGain = 0.1f;

    // How much of the mean over frames each frame gets: the "temporal" path that ties frames together.
    private const float TemporalMix = 0.5f;

    private static readonly OnnxDim Batch = OnnxDim.Symbolic("batch");

    /// <summary>
    /// CLIP vision with projection: <c>pixel_values</c> [B,3,224,224] → the per-channel means → a linear map to
    /// <c>image_embeds</c> [B,E], so a different picture gives a different embedding.
    /// </summary>
    public static byte[] ImageEncoder(DeterministicNoise noise) =>
        new OnnxGraphBuilder("tiny_image_encoder")
            .AddInput("pixel_values", OnnxElementType.Float, Batch, OnnxDim.Fixed(3), OnnxDim.Fixed(224), OnnxDim.Fixed(224))
            .AddOutput("image_embeds", OnnxElementType.Float, Batch, OnnxDim.Fixed(TinyVideoDiffusionSpec.EmbeddingDim))
            .AddInitializer("rows", [-1L, 3], 2)
            .AddInitializer("projection", TinyDiffusionGraphs.Random(noise, 3 * TinyVideoDiffusionSpec.EmbeddingDim, 1f), 3, TinyVideoDiffusionSpec.EmbeddingDim)
            .AddNode("GlobalAveragePool", ["pixel_values"], ["pooled"])
            .AddNode("Reshape", ["pooled", "rows"], ["pooled.rows"])
            .AddNode("MatMul", ["pooled.rows", "projection"], ["image_embeds"])
            .Build(Opset);

    /// <summary>
    /// The spatio-temporal UNet: frames folded into the batch for a conv(relu(conv)) over the 8 sample channels, then
    /// each frame mixed with the mean over frames (the temporal path), plus the embedding's mean, the added time ids'
    /// mean and the timestep, so every input changes <c>out_sample</c> [B,F,4,h,w].
    /// </summary>
    public static byte[] UNet(TinyVideoDiffusionSpec spec, DeterministicNoise noise)
    {
        var io = spec.Float16UNet ? OnnxElementType.Float16 : OnnxElementType.Float;
        var batch = spec.BatchOfOne ? OnnxDim.Fixed(1) : Batch;
        var frames = spec.DynamicFrames ? OnnxDim.Symbolic("frames") : OnnxDim.Fixed(spec.Frames);
        var (height, width) = spec.FixedSize is var (w, h)
            ? (OnnxDim.Fixed(h / VaeFactor), OnnxDim.Fixed(w / VaeFactor))
            : (OnnxDim.Symbolic("latent_height"), OnnxDim.Symbolic("latent_width"));
        var channels = spec.UNetChannels;
        var builder = new OnnxGraphBuilder("tiny_video_unet");
        string Input(string name, params OnnxDim[] dims) => TinyDiffusionGraphs.ComputeInput(builder, name, io, dims);

        var sample = Input("sample", batch, frames, OnnxDim.Fixed(SampleChannels), height, width);
        var timestep = Input("timestep", OnnxDim.Fixed(1));
        var context = Input("encoder_hidden_states", batch, OnnxDim.Fixed(1), OnnxDim.Fixed(TinyVideoDiffusionSpec.EmbeddingDim));
        var timeIds = Input("added_time_ids", batch, OnnxDim.Fixed(3));
        return builder
            .AddOutput("out_sample", io, batch, frames, OnnxDim.Fixed(LatentChannels), height, width)
            .AddInitializer("column", [-1L, 1, 1, 1, 1], 5)
            .AddInitializer("flat_lead", [-1L, SampleChannels], 2)
            .AddInitializer("latent_channels", [(long)LatentChannels], 1)
            .AddInitializer("lead.start", [0L], 1)
            .AddInitializer("lead.end", [2L], 1)
            .AddInitializer("size.start", [3L], 1)
            .AddInitializer("size.end", [5L], 1)
            .AddInitializer("tenth", [0.1f], 1)
            .AddInitializer("per_thousand", [0.001f], 1)
            .AddInitializer("temporal_mix", [TemporalMix], 1)
            .AddInitializer("conv_in.weight", TinyDiffusionGraphs.Random(noise, channels * SampleChannels * 9, 1f / (SampleChannels * 9)), channels, SampleChannels, 3, 3)
            .AddInitializer("conv_in.bias", new float[channels], channels)
            .AddInitializer("conv_out.weight", TinyDiffusionGraphs.Random(noise, LatentChannels * channels * 9, 1f / (channels * 9)), LatentChannels, channels, 3, 3)
            .AddInitializer("conv_out.bias", new float[LatentChannels], LatentChannels)
            .AddNode("Shape", [sample], ["shape"])
            .AddNode("Slice", ["shape", "lead.start", "lead.end"], ["shape.lead"])
            .AddNode("Slice", ["shape", "size.start", "size.end"], ["shape.size"])
            .AddNode("Concat", ["flat_lead", "shape.size"], ["flat_shape"], OnnxAttribute.Int("axis", 0))
            .AddNode("Reshape", [sample, "flat_shape"], ["frames.flat"])
            .AddNode("Conv", ["frames.flat", "conv_in.weight", "conv_in.bias"], ["hidden"], OnnxAttribute.Ints("pads", 1, 1, 1, 1))
            .AddNode("Relu", ["hidden"], ["hidden.relu"])
            .AddNode("Conv", ["hidden.relu", "conv_out.weight", "conv_out.bias"], ["features"], OnnxAttribute.Ints("pads", 1, 1, 1, 1))
            .AddNode("Mul", ["features", "tenth"], ["features.scaled"])
            .AddNode("Concat", ["shape.lead", "latent_channels", "shape.size"], ["out_shape"], OnnxAttribute.Int("axis", 0))
            .AddNode("Reshape", ["features.scaled", "out_shape"], ["spatial"])
            .AddNode("ReduceMean", ["spatial"], ["temporal"], OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 1))
            .AddNode("Mul", ["temporal", "temporal_mix"], ["temporal.mixed"])
            .AddNode("Add", ["spatial", "temporal.mixed"], ["video"])
            .AddNode("ReduceMean", [context], ["context.mean"], OnnxAttribute.Ints("axes", 1, 2), OnnxAttribute.Int("keepdims", 0))
            .AddNode("Reshape", ["context.mean", "column"], ["context.column"])
            .AddNode("ReduceMean", [timeIds], ["time_ids.mean"], OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 0))
            .AddNode("Mul", ["time_ids.mean", "per_thousand"], ["time_ids.scaled"])
            .AddNode("Reshape", ["time_ids.scaled", "column"], ["time_ids.column"])
            .AddNode("Mul", [timestep, "tenth"], ["timestep.scaled"])
            .AddNode("Reshape", ["timestep.scaled", "column"], ["timestep.column"])
            .AddNode("Add", ["video", "context.column"], ["conditioned"])
            .AddNode("Add", ["conditioned", "time_ids.column"], ["conditioned.ids"])
            .AddNode("Add", ["conditioned.ids", "timestep.column"], ["conditioned.all"])
            .AddNode("Cast", ["conditioned.all"], ["out_sample"], OnnxAttribute.Int("to", (long)io))
            .Build(Opset);
    }

    /// <summary>
    /// The temporal decoder: <c>latent_sample</c> [N,4,h,w] and <c>num_frames</c> (int64 [1]) → a 1x1 conv to RGB, each
    /// frame mixed with the mean of its video (N/num_frames videos of num_frames frames, so a wrong count fails), nearest
    /// resize ×8 and tanh into [−1, 1]: <c>sample</c> [N,3,8h,8w].
    /// </summary>
    public static byte[] TemporalDecoder(DeterministicNoise noise) =>
        new OnnxGraphBuilder("tiny_temporal_decoder")
            .AddInput("latent_sample", OnnxElementType.Float, OnnxDim.Symbolic("frames"), OnnxDim.Fixed(LatentChannels), OnnxDim.Symbolic("latent_height"), OnnxDim.Symbolic("latent_width"))
            .AddInput("num_frames", OnnxElementType.Int64, OnnxDim.Fixed(1))
            .AddOutput("sample", OnnxElementType.Float, OnnxDim.Symbolic("frames"), OnnxDim.Fixed(3), OnnxDim.Symbolic("height"), OnnxDim.Symbolic("width"))
            .AddInitializer("conv.weight", TinyDiffusionGraphs.Random(noise, 3 * LatentChannels, DecoderGain), 3, LatentChannels, 1, 1)
            .AddInitializer("conv.bias", new float[3], 3)
            .AddInitializer("videos", [-1L], 1)
            .AddInitializer("frame.start", [1L], 1)
            .AddInitializer("frame.end", [4L], 1)
            .AddInitializer("temporal_mix", [TemporalMix], 1)
            .AddInitializer("scales", [1f, 1f, VaeFactor, VaeFactor], 4)
            .AddNode("Conv", ["latent_sample", "conv.weight", "conv.bias"], ["rgb"])
            .AddNode("Shape", ["rgb"], ["rgb.shape"])
            .AddNode("Slice", ["rgb.shape", "frame.start", "frame.end"], ["frame.shape"])
            .AddNode("Concat", ["videos", "num_frames", "frame.shape"], ["video.shape"], OnnxAttribute.Int("axis", 0))
            .AddNode("Reshape", ["rgb", "video.shape"], ["video"])
            .AddNode("ReduceMean", ["video"], ["video.mean"], OnnxAttribute.Ints("axes", 1), OnnxAttribute.Int("keepdims", 1))
            .AddNode("Mul", ["video.mean", "temporal_mix"], ["video.mixed"])
            .AddNode("Add", ["video", "video.mixed"], ["video.blended"])
            .AddNode("Reshape", ["video.blended", "rgb.shape"], ["rgb.blended"])
            .AddNode("Resize", ["rgb.blended", string.Empty, "scales"], ["rgb.large"], OnnxAttribute.String("mode", "nearest"))
            .AddNode("Tanh", ["rgb.large"], ["sample"])
            .Build(Opset);
}
