namespace Livepeer.ModelBuilder;

/// <summary>SplitMix64 stream: fixed algorithm so a seed gives the same weights on every runtime and platform.</summary>
internal sealed class DeterministicNoise
{
    private ulong _state;

    public DeterministicNoise(int seed) => _state = unchecked((ulong)seed * 0xD1B54A32D192ED03UL) ^ 0x6A09E667F3BCC909UL;

    /// <summary>Uniform value in [-amplitude, amplitude).</summary>
    public float NextSymmetric(float amplitude)
    {
        // 24 high bits fill a float mantissa exactly, so the unit value is an exact multiple of 2^-24.
        var unit = (NextUInt64() >> 40) * (1.0f / (1 << 24));
        return ((2f * unit) - 1f) * amplitude;
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
