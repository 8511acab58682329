using Livepeer.Media;
using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Video;

/// <summary>
/// SVD's image conditioning: the CLIP vision encoder (<c>image_encoder</c>: <c>pixel_values</c> [1,3,224,224] in,
/// <c>image_embeds</c> [1,E] out, E = 1024 for ViT-H/14) on the input image as <see cref="ClipImage"/> prepares it.
/// The UNet reads the embedding as a sequence of one token.
/// </summary>
internal sealed class ImageEmbedder : IDisposable
{
    private readonly OnnxGraph graph;

    public ImageEmbedder(OnnxGraph graph)
    {
        graph.Require(["pixel_values"], ["image_embeds"]);
        this.graph = graph;
    }

    public float[] Embed(RgbImage image, CancellationToken cancellationToken)
    {
        using var pixels = graph.Floats("pixel_values", ClipImage.Pixels(image), [1, 3, ClipImage.Size, ClipImage.Size]);
        using var results = graph.Run(["pixel_values"], [pixels], ["image_embeds"], cancellationToken);
        var (values, shape) = graph.ReadFloats(results[0], "image_embeds");
        if (shape is not ([1, _] or [1, 1, _]))
            throw new InvalidModelException($"Model '{graph.ModelId}': image_encoder returned image_embeds [{TensorShape.Format(shape)}]; [1,E] expected.");
        return values;
    }

    public void Dispose() => graph.Dispose();
}
