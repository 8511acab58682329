namespace Livepeer.Pipelines.Video;

/// <summary>What conditions one video: the image embedding, the conditioning latents [4,h,w] and the added time ids.</summary>
internal sealed record VideoConditioning(float[] ImageEmbedding, float[] ImageLatents, int Fps, int MotionBucketId, double NoiseAugStrength);
