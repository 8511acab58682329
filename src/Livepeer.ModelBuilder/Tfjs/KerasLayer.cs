using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Livepeer.ModelBuilder.Tfjs;

/// <summary>One layer of a Keras functional model: its class, its config and the layers whose outputs it reads.</summary>
/// <remarks>Config accessors throw <see cref="InvalidDataException"/> naming the layer, the key and what was expected.</remarks>
internal sealed class KerasLayer(string name, string className, JsonObject config, IReadOnlyList<string> inputs)
{
    public string Name { get; } = name;

    public string ClassName { get; } = className;

    /// <summary>Names of the layers feeding this one, in order (each layer has a single output).</summary>
    public IReadOnlyList<string> Inputs { get; } = inputs;

    /// <summary>"layer 'F_0' (Conv2D)", for messages.</summary>
    public string Describe() => $"layer '{Name}' ({ClassName})";

    public bool Has(string key) => config[key] is not null;

    public string String(string key, string? fallback = null)
    {
        var node = config[key];
        if (node is null && fallback is not null)
            return fallback;
        return node is JsonValue value && value.TryGetValue(out string? text)
            ? text
            : throw Invalid(key, "a string");
    }

    public int Int(string key, int? fallback = null)
    {
        var node = config[key];
        if (node is null && fallback is { } given)
            return given;
        return TryInt(node, out var number) ? number : throw Invalid(key, "an integer");
    }

    public bool Bool(string key, bool fallback)
    {
        var node = config[key];
        if (node is null)
            return fallback;
        return node is JsonValue value && value.TryGetValue(out bool flag) ? flag : throw Invalid(key, "true or false");
    }

    public float Float(string key, float fallback)
    {
        var node = config[key];
        if (node is null)
            return fallback;
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? (float)value.GetValue<double>()
            : throw Invalid(key, "a number");
    }

    /// <summary>A pair such as <c>kernel_size</c> or <c>strides</c>; Keras also writes a single integer for both.</summary>
    public (int First, int Second) IntPair(string key, int? fallback = null)
    {
        var node = config[key];
        if (node is null && fallback is { } given)
            return (given, given);
        if (TryInt(node, out var single))
            return (single, single);
        if (node is JsonArray { Count: 2 } array && TryInt(array[0], out var first) && TryInt(array[1], out var second))
            return (first, second);
        throw Invalid(key, "an integer or a list of 2 integers");
    }

    /// <summary>A shape list such as <c>batch_input_shape</c>; null entries are unknown sizes.</summary>
    public int?[] Shape(string key)
    {
        if (config[key] is not JsonArray array)
            throw Invalid(key, "a list of sizes");
        var shape = new int?[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is null)
                shape[i] = null;
            else if (TryInt(array[i], out var size) && size >= 0)
                shape[i] = size;
            else
                throw Invalid(key, "a list of sizes");
        }

        return shape;
    }

    public NotSupportedException Unsupported(string what) =>
        new($"Cannot convert {Describe()}: {what}.");

    private InvalidDataException Invalid(string key, string expected) =>
        new($"{Describe()}: config '{key}' must be {expected}, not {config[key]?.ToJsonString() ?? "missing"}.");

    private static bool TryInt(JsonNode? node, out int number)
    {
        number = 0;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
            return false;
        var real = value.GetValue<double>();
        if (real != Math.Floor(real) || real is < int.MinValue or > int.MaxValue)
            return false;
        number = (int)real;
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ClassName} {Name} <- [{string.Join(", ", Inputs)}]");
}
