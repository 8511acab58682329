using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Livepeer.Contracts;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>Upscale jobs with one fixed float tensor as input and a fresh job id each.</summary>
internal sealed class JobRequests
{
    private readonly ImmutableDictionary<string, string> parameters;
    private readonly byte[] input;
    private long lastId;

    public JobRequests(string modelId, long[] shape)
    {
        ModelId = modelId;
        parameters = ImmutableDictionary<string, string>.Empty.Add("shape", string.Join(',', shape.Select(d => d.ToString(CultureInfo.InvariantCulture))));
        var random = new Random(7);
        var pixels = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = random.NextSingle();

        // Requests are immutable once sent, so every job shares the one input buffer.
        input = MemoryMarshal.AsBytes(pixels.AsSpan()).ToArray();
        Parameters = parameters;
        Input = input;
    }

    public string ModelId { get; }

    public ImmutableDictionary<string, string> Parameters { get; }

    public ReadOnlyMemory<byte> Input { get; }

    public JobRequest Next() =>
        new(Interlocked.Increment(ref lastId).ToString("x", CultureInfo.InvariantCulture), "upscale", ModelId, parameters, input);
}
