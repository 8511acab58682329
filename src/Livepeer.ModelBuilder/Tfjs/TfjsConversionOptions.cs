namespace Livepeer.ModelBuilder.Tfjs;

/// <summary>How <see cref="TfjsConverter"/> shapes the ONNX graph it writes.</summary>
public sealed record TfjsConversionOptions
{
    /// <summary>Element type of the weights and inner tensors; the graph's input and output are float32 either way. Default float32.</summary>
    public ConversionPrecision Precision { get; init; } = ConversionPrecision.Float32;

    /// <summary>Name of the graph input. Default <c>input</c>.</summary>
    public string InputName { get; init; } = "input";

    /// <summary>Name of the graph output. Default <c>output</c>.</summary>
    public string OutputName { get; init; } = "output";

    /// <summary>Lowest output value: the graph ends with a Clip when this or <see cref="OutputMax"/> is set. Default none.</summary>
    public float? OutputMin { get; init; }

    /// <summary>Highest output value (e.g. 255 or 1, the model's pixel range). Default none.</summary>
    public float? OutputMax { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when a name is empty, the two names are equal or the clip range is empty.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(Precision))
            throw new ArgumentException($"Unknown precision {Precision}.", nameof(Precision));
        if (string.IsNullOrWhiteSpace(InputName) || string.IsNullOrWhiteSpace(OutputName))
            throw new ArgumentException("The input and output names must not be empty.");
        if (InputName == OutputName)
            throw new ArgumentException($"The input and output are both named '{InputName}'.");
        if (OutputMin is { } min && OutputMax is { } max && !(min <= max))
            throw new ArgumentException($"The output clip range [{min}, {max}] is empty.");
        if (OutputMin is { } low && !float.IsFinite(low) || OutputMax is { } high && !float.IsFinite(high))
            throw new ArgumentException("The output clip bounds must be finite.");
    }
}
