namespace Livepeer.Pipelines;

/// <summary>The warm-up inference every model runs once before it counts as warm.</summary>
internal static class Warmup
{
    private const string ShapeParameter = "shape";
    private const int DefaultSize = 16;

    /// <summary>Runs zeros of the manifest's warm-up shape (default: symbolic dimensions as 16).</summary>
    /// <exception cref="InvalidModelException">The warm-up failed: the model's fault, not a caller's.</exception>
    public static void Run(SingleInputSession session, ModelManifest manifest, CancellationToken cancellationToken)
    {
        try
        {
            var shape = manifest.Warmup.TryGetValue(ShapeParameter, out var text)
                ? TensorShape.Parse(text, $"warmup.{ShapeParameter}")
                : TensorShape.Concrete(session.InputDims, DefaultSize);
            var count = TensorShape.Check(shape, session.InputDims, session.InputName);
            session.Run(new float[count], shape, cancellationToken);
        }
        catch (InvalidPipelineInputException e)
        {
            throw new InvalidModelException($"Model '{manifest.Id}': warm-up failed: {e.Message}", e);
        }
    }
}
