using System.Globalization;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>What a prompt becomes: the UNet's context <c>[77, ContextDim]</c> and, for SDXL, the pooled <c>text_embeds</c>.</summary>
internal sealed record Conditioning(float[] Context, int ContextDim, float[]? Pooled);

/// <summary>
/// Tokenizes a prompt (truncated to 77 tokens as CLIP does) and runs the text encoder(s). SD 1.x/2.x take the
/// encoder's <c>last_hidden_state</c>; SDXL takes the penultimate <c>hidden_states.N</c> of both encoders, concatenated,
/// and encoder 2's <c>text_embeds</c>. An SDXL prompt may hold a second prompt for encoder 2 after a <c>|</c>, as the
/// Livepeer runner splits it; an empty SDXL negative prompt is all zeros, as SDXL's pipelines do.
/// </summary>
internal sealed class PromptEncoder(
    ClipTokenizer tokenizer, OnnxGraph encoder, ClipTokenizer? tokenizer2, OnnxGraph? encoder2) : IDisposable
{
    private const string TextEmbeds = "text_embeds";

    private readonly string output = encoder2 is null ? FinalOutput(encoder) : PenultimateOutput(encoder);
    private readonly string? output2 = encoder2 is null ? null : PenultimateOutput(encoder2);

    public Conditioning Encode(string prompt, bool isNegative, CancellationToken cancellationToken)
    {
        if (encoder2 is null)
        {
            var (hidden, dim, _) = Run(encoder, tokenizer.Encode(prompt), output, pooled: null, cancellationToken);
            return new Conditioning(hidden, dim, null);
        }

        var parts = prompt.Split('|', 2);
        var first = parts[0].Trim();
        var second = parts.Length > 1 ? parts[1].Trim() : first;
        var (context1, dim1, _) = Run(encoder, tokenizer.Encode(first), output, pooled: null, cancellationToken);
        var (context2, dim2, pooled) = Run(encoder2, tokenizer2!.Encode(second), output2!, TextEmbeds, cancellationToken);
        var sequence = context1.Length / dim1;
        var context = new float[sequence * (dim1 + dim2)];
        for (var token = 0; token < sequence; token++)
        {
            context1.AsSpan(token * dim1, dim1).CopyTo(context.AsSpan(token * (dim1 + dim2)));
            context2.AsSpan(token * dim2, dim2).CopyTo(context.AsSpan(token * (dim1 + dim2) + dim1));
        }

        if (isNegative && string.IsNullOrWhiteSpace(prompt))
        {
            Array.Clear(context);
            Array.Clear(pooled!);
        }

        return new Conditioning(context, dim1 + dim2, pooled);
    }

    public void Dispose()
    {
        encoder.Dispose();
        encoder2?.Dispose();
    }

    private static (float[] Context, int Dim, float[]? Pooled) Run(OnnxGraph graph, int[] ids, string hiddenOutput, string? pooled, CancellationToken cancellationToken)
    {
        var longIds = Array.ConvertAll(ids, id => (long)id);
        using var input = graph.Numbers("input_ids", longIds, [1, ids.Length]);
        string[] outputs = pooled is null ? [hiddenOutput] : [hiddenOutput, pooled];
        using var results = graph.Run(["input_ids"], [input], outputs, cancellationToken);
        var (context, shape) = graph.ReadFloats(results[0], hiddenOutput);
        if (shape is not [1, var sequence, var dim] || sequence != ids.Length)
            throw new InvalidModelException($"Model '{graph.ModelId}': {graph.Part} output '{hiddenOutput}' is [{TensorShape.Format(shape)}]; [1,{ids.Length},D] expected.");
        return (context, (int)dim, pooled is null ? null : graph.ReadFloats(results[1], pooled).Values);
    }

    private static string FinalOutput(OnnxGraph graph) =>
        graph.OutputNames.Contains("last_hidden_state") ? "last_hidden_state" : graph.OutputNames.First();

    /// <summary>SDXL conditions on the layer before the last: the highest <c>hidden_states.N</c> minus one (N = 0 is the embeddings).</summary>
    private static string PenultimateOutput(OnnxGraph graph)
    {
        var layers = graph.OutputNames
            .Where(n => n.StartsWith("hidden_states.", StringComparison.Ordinal))
            .Select(n => int.TryParse(n.AsSpan("hidden_states.".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1)
            .Where(i => i >= 0)
            .ToList();
        if (layers.Count < 2)
            throw new InvalidModelException($"Model '{graph.ModelId}': {graph.Part} must output its hidden_states.N (SDXL conditions on the penultimate layer).");
        return $"hidden_states.{layers.Max() - 1}";
    }
}
