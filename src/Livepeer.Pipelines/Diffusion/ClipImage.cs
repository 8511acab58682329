using Livepeer.Media;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// An image as CLIP's vision tower takes it (the safety checker's <c>clip_input</c>, SVD's image encoder): resized to
/// 224×224 with antialiasing, scaled to [0, 1], normalised with CLIP's per-channel mean and deviation, planar [3,224,224].
/// </summary>
internal static class ClipImage
{
    public const int Size = 224;
    private static readonly float[] Mean = [0.48145466f, 0.4578275f, 0.40821073f];
    private static readonly float[] Deviation = [0.26862954f, 0.26130258f, 0.27577711f];

    public static float[] Pixels(RgbImage image)
    {
        var planar = ImageCodec.ToPlanar(ImageResampler.Resize(image, Size, Size), 1f / 255);
        const int plane = Size * Size;
        for (var c = 0; c < 3; c++)
        {
            var values = planar.AsSpan(c * plane, plane);
            for (var i = 0; i < values.Length; i++) values[i] = (values[i] - Mean[c]) / Deviation[c];
        }

        return planar;
    }
}
