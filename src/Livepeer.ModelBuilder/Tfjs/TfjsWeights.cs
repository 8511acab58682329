using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Livepeer.ModelBuilder.Tfjs;

/// <summary>One <c>weightsManifest</c> entry: shard files that, concatenated, hold its weights back to back.</summary>
internal sealed record TfjsWeightGroup(IReadOnlyList<string> Paths, IReadOnlyList<TfjsWeightSpec> Weights);

/// <summary>A named float32 weight of the given shape.</summary>
internal sealed record TfjsWeightSpec(string Name, IReadOnlyList<int> Shape)
{
    public long ElementCount => Shape.Aggregate(1L, (count, dim) => checked(count * dim));
}

/// <summary>A weight's values (little-endian float32 in the shards) with its Keras shape.</summary>
internal sealed record TfjsWeight(string Name, IReadOnlyList<int> Shape, float[] Values);

/// <summary>The weights of a <see cref="TfjsLayersModel"/>, read from its shard files; tracks which ones the converter used.</summary>
internal sealed class TfjsWeights
{
    private readonly Dictionary<string, TfjsWeight> weights;
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    private TfjsWeights(Dictionary<string, TfjsWeight> weights) => this.weights = weights;

    /// <summary>Number of weight values in all groups.</summary>
    public long ParameterCount => weights.Values.Sum(w => (long)w.Values.Length);

    /// <exception cref="InvalidDataException">A shard is missing, or the shards hold more or fewer bytes than the manifest describes.</exception>
    public static TfjsWeights Read(TfjsLayersModel model)
    {
        var all = new Dictionary<string, TfjsWeight>(StringComparer.Ordinal);
        foreach (var group in model.WeightGroups)
        {
            var bytes = ReadShards(model.Folder, group.Paths);
            long offset = 0;
            foreach (var spec in group.Weights)
            {
                var length = checked(spec.ElementCount * sizeof(float));
                if (offset + length > bytes.Length)
                    throw new InvalidDataException($"Weight '{spec.Name}' [{string.Join(", ", spec.Shape)}] ends at byte {offset + length}, past the end of its shards ({bytes.Length} bytes).");
                var values = new float[spec.ElementCount];
                var source = bytes.AsSpan((int)offset, (int)length);
                if (BitConverter.IsLittleEndian)
                    source.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
                else
                    for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(source[(i * sizeof(float))..]);
                if (!all.TryAdd(spec.Name, new TfjsWeight(spec.Name, spec.Shape, values)))
                    throw new InvalidDataException($"Weight '{spec.Name}' is listed twice in the weightsManifest.");
                offset += length;
            }

            if (offset != bytes.Length)
                throw new InvalidDataException($"Shards [{string.Join(", ", group.Paths)}] hold {bytes.Length} bytes but their weights take {offset}.");
        }

        return new TfjsWeights(all);
    }

    /// <summary>The weight <c>{layer}/{role}</c>, checked against the shape the layer's config implies.</summary>
    /// <exception cref="InvalidDataException">It is missing or has another shape.</exception>
    public float[] Take(KerasLayer layer, string role, params int[] expectedShape)
    {
        var name = $"{layer.Name}/{role}";
        if (!weights.TryGetValue(name, out var weight))
            throw new InvalidDataException($"{layer.Describe()}: weight '{name}' is not in the weightsManifest.");
        if (!weight.Shape.SequenceEqual(expectedShape))
            throw new InvalidDataException($"{layer.Describe()}: weight '{name}' has shape [{string.Join(", ", weight.Shape)}]; its config implies [{string.Join(", ", expectedShape)}].");
        if (!used.Add(name))
            throw new InvalidDataException($"{layer.Describe()}: weight '{name}' is used twice.");
        return weight.Values;
    }

    /// <summary>Weights no layer took: a layer the converter read without all of its parameters.</summary>
    public IEnumerable<string> Unused => weights.Keys.Where(name => !used.Contains(name)).Order(StringComparer.Ordinal);

    private static byte[] ReadShards(string folder, IReadOnlyList<string> paths)
    {
        using var buffer = new MemoryStream();
        foreach (var relative in paths)
        {
            var path = Path.GetFullPath(Path.Combine(folder, relative));
            if (!path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidDataException($"Weight shard '{relative}' is outside the model folder '{folder}'.");
            if (!File.Exists(path))
                throw new InvalidDataException($"Weight shard '{path}' does not exist.");
            using var shard = File.OpenRead(path);
            shard.CopyTo(buffer);
        }

        return buffer.ToArray();
    }
}
