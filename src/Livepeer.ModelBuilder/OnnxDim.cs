namespace Livepeer.ModelBuilder;

/// <summary>One dimension of a graph input or output: a fixed size or a named symbolic size (<c>default</c> is an unnamed unknown size).</summary>
public readonly record struct OnnxDim
{
    private OnnxDim(long? value, string? symbol)
    {
        Value = value;
        Symbol = symbol;
    }

    /// <summary>The fixed size, or null for a symbolic dimension.</summary>
    public long? Value { get; }

    /// <summary>The symbolic name, or null for a fixed dimension.</summary>
    public string? Symbol { get; }

    /// <summary>A dimension of fixed, non-negative size.</summary>
    public static OnnxDim Fixed(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return new OnnxDim(value, null);
    }

    /// <summary>A dimension whose size is bound at run time; equal names mean equal sizes.</summary>
    public static OnnxDim Symbolic(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new OnnxDim(null, name);
    }
}
