using System.Numerics;
using System.Runtime.InteropServices;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// Standard normal numbers from a 64-bit seed, the same on every machine and runtime, fast enough to draw a whole
/// latent per scheduler step. <see cref="NormalTransform.PairsPerBlock"/> xoshiro256** generators run side by side
/// (lane j seeded with SplitMix64's outputs 4j … 4j+3, so lane 0 is the textbook xoshiro256** for the seed), each
/// giving one 64-bit word per block, and <see cref="NormalTransform"/> turns each word into two normals. Both stages
/// are vectorised with integer and correctly rounded float operations only. (System.Random's algorithm is not
/// guaranteed across .NET versions; Math.Log and Math.Sin come from the platform's C library.) <see cref="Next"/> and
/// <see cref="Fill"/> read the same stream however it is split into calls. Not thread-safe: one generator per job.
/// </summary>
internal sealed class GaussianNoise
{
    private const int Lanes = NormalTransform.PairsPerBlock;
    private const int BlockLength = NormalTransform.BlockLength;

    // s0 of every lane, then s1, s2, s3: each state word is a contiguous run of lanes, ready to load as vectors.
    private readonly ulong[] state = new ulong[4 * Lanes];
    private readonly float[] block = new float[BlockLength];
    private int position = BlockLength;

    /// <summary>Creates the generator for <paramref name="seed"/>.</summary>
    public GaussianNoise(ulong seed)
    {
        var splitMix = seed;
        for (var lane = 0; lane < Lanes; lane++)
        {
            for (var word = 0; word < 4; word++)
                state[word * Lanes + lane] = SplitMix64(ref splitMix);
        }
    }

    /// <summary>The next standard normal number.</summary>
    public float Next()
    {
        if (position == BlockLength)
        {
            NextBlock(block);
            position = 0;
        }

        return block[position++];
    }

    /// <summary>Fills <paramref name="destination"/> with the next standard normal numbers.</summary>
    public void Fill(Span<float> destination)
    {
        var buffered = Math.Min(BlockLength - position, destination.Length);
        block.AsSpan(position, buffered).CopyTo(destination);
        position += buffered;
        var done = buffered;

        // Whole blocks straight into the destination; a partial last block is kept for the next call.
        for (; destination.Length - done >= BlockLength; done += BlockLength)
            NextBlock(destination.Slice(done, BlockLength));
        if (done < destination.Length)
        {
            NextBlock(block);
            position = destination.Length - done;
            block.AsSpan(0, position).CopyTo(destination[done..]);
        }
    }

    /// <summary>
    /// Advances every lane of <paramref name="state"/> (4 × <see cref="NormalTransform.PairsPerBlock"/> words, laid
    /// out as in this class) by one xoshiro256** step, writing each lane's output to <paramref name="words"/>.
    /// <paramref name="vectorised"/> picks the path; both give the same words.
    /// </summary>
    internal static void Advance(Span<ulong> state, Span<ulong> words, bool vectorised)
    {
        var s0 = state[..Lanes];
        var s1 = state.Slice(Lanes, Lanes);
        var s2 = state.Slice(2 * Lanes, Lanes);
        var s3 = state.Slice(3 * Lanes, Lanes);
        if (vectorised && Vector.IsHardwareAccelerated && Lanes % Vector<ulong>.Count == 0)
        {
            var v0 = MemoryMarshal.Cast<ulong, Vector<ulong>>(s0);
            var v1 = MemoryMarshal.Cast<ulong, Vector<ulong>>(s1);
            var v2 = MemoryMarshal.Cast<ulong, Vector<ulong>>(s2);
            var v3 = MemoryMarshal.Cast<ulong, Vector<ulong>>(s3);
            var output = MemoryMarshal.Cast<ulong, Vector<ulong>>(words);
            for (var i = 0; i < v0.Length; i++)
            {
                // Locals, so each state word is loaded and stored once. ×5 and ×9 as shift-and-add: most x64 parts
                // have no 64-bit vector multiply.
                var (a0, a1, a2, a3) = (v0[i], v1[i], v2[i], v3[i]);
                var times5 = Vector.ShiftLeft(a1, 2) + a1;
                var rotated = Vector.ShiftLeft(times5, 7) | Vector.ShiftRightLogical(times5, 57);
                output[i] = Vector.ShiftLeft(rotated, 3) + rotated;
                var t = Vector.ShiftLeft(a1, 17);
                a2 ^= a0;
                a3 ^= a1;
                a1 ^= a2;
                a0 ^= a3;
                a2 ^= t;
                (v0[i], v1[i], v2[i], v3[i]) = (a0, a1, a2, Vector.ShiftLeft(a3, 45) | Vector.ShiftRightLogical(a3, 19));
            }

            return;
        }

        for (var lane = 0; lane < Lanes; lane++)
        {
            words[lane] = ulong.RotateLeft(s1[lane] * 5, 7) * 9;
            var t = s1[lane] << 17;
            s2[lane] ^= s0[lane];
            s3[lane] ^= s1[lane];
            s1[lane] ^= s2[lane];
            s0[lane] ^= s3[lane];
            s2[lane] ^= t;
            s3[lane] = ulong.RotateLeft(s3[lane], 45);
        }
    }

    private void NextBlock(Span<float> output)
    {
        Span<ulong> words = stackalloc ulong[Lanes];
        Advance(state, words, vectorised: true);
        NormalTransform.Transform(words, output, vectorised: true);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E37_79B9_7F4A_7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
