using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion;

public sealed class GaussianNoiseTests
{
    [Fact]
    public void Next_Seed0_GivesPinnedValues()
    {
        // Pinned from an independent Python model of the generator (SplitMix64 → 16 xoshiro256** lanes → float
        // Box–Muller, every operation rounded to float32), so a change to any stage shows here. Block layout: r·cos of
        // pairs 0…15, then r·sin of the same pairs; the last two are from the second block.
        var noise = new GaussianNoise(0);
        var values = Enumerable.Range(0, 2 * NormalTransform.BlockLength).Select(_ => noise.Next()).ToArray();

        Assert.Equal([0.22595913708209991f, 0.09574224054813385f, 0.23405247926712036f, 0.5321808457374573f], values[..4]);
        Assert.Equal([0.9830504059791565f, 1.3570138216018677f, -0.8171805143356323f, -0.5028144121170044f], values[16..20]);
        Assert.Equal([-1.2190978527069092f, 0.5806374549865723f], values[62..]);
    }

    [Fact]
    public void Fill_Seed42_GivesPinnedValues()
    {
        var values = new float[2 * NormalTransform.BlockLength];

        new GaussianNoise(42).Fill(values);

        Assert.Equal([0.9495850205421448f, -0.04630158841609955f, -0.7531078457832336f, 0.6985188722610474f], values[..4]);
        Assert.Equal([2.0138096809387207f, 0.10224410891532898f, -1.0001378059387207f, -1.443050742149353f], values[16..20]);
        Assert.Equal([-0.42555147409439087f, 1.4939663410186768f], values[62..]);
    }

    [Fact]
    public void Fill_SplitIntoOddCalls_SameStreamAsOneCall()
    {
        var whole = new float[101];
        new GaussianNoise(7).Fill(whole);

        var noise = new GaussianNoise(7);
        var parts = new float[101];
        noise.Fill(parts.AsSpan(0, 3));
        parts[3] = noise.Next();
        noise.Fill(parts.AsSpan(4, 0));
        noise.Fill(parts.AsSpan(4, 50));
        noise.Fill(parts.AsSpan(54, 47));

        Assert.Equal(whole, parts);
    }

    [Fact]
    public void Next_SameSeed_SameStream_DifferentSeed_DifferentStream()
    {
        var a = new GaussianNoise(123);
        var b = new GaussianNoise(123);
        var c = new GaussianNoise(124);
        var first = new float[64];
        var second = new float[64];
        var other = new float[64];

        a.Fill(first);
        b.Fill(second);
        c.Fill(other);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Fill_MillionDraws_AreStandardNormal()
    {
        var values = new float[1_000_000];
        new GaussianNoise(2024).Fill(values);

        double sum = 0, squares = 0;
        int beyondTwo = 0, beyondThree = 0;
        foreach (var value in values)
        {
            sum += value;
            squares += (double)value * value;
            if (Math.Abs(value) > 2)
                beyondTwo++;
            if (Math.Abs(value) > 3)
                beyondThree++;
        }

        var mean = sum / values.Length;
        var variance = squares / values.Length - mean * mean;
        // Standard errors over 1e6 draws: 0.001 for the mean, 0.0014 for the variance, 0.0002 for the tail share.
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(variance, 0.993, 1.007);
        // P(|z| > 2) = 0.0455 for a normal: checks the shape, not only the first two moments.
        Assert.InRange(beyondTwo / (double)values.Length, 0.0445, 0.0465);
        // P(|z| > 3) = 0.0027 (standard error 0.00005): the tails are there, not clipped.
        Assert.InRange(beyondThree / (double)values.Length, 0.0025, 0.0029);
        Assert.InRange(values.Max(Math.Abs), 4.5f, 5.78f);
    }

    [Fact]
    public void Advance_VectorAndScalarPaths_GiveIdenticalWords()
    {
        var random = new Random(10);
        var vectorState = new ulong[4 * NormalTransform.PairsPerBlock];
        for (var i = 0; i < vectorState.Length; i++)
            vectorState[i] = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
        var scalarState = (ulong[])vectorState.Clone();
        var vectorWords = new ulong[NormalTransform.PairsPerBlock];
        var scalarWords = new ulong[NormalTransform.PairsPerBlock];

        for (var step = 0; step < 1000; step++)
        {
            GaussianNoise.Advance(vectorState, vectorWords, vectorised: true);
            GaussianNoise.Advance(scalarState, scalarWords, vectorised: false);

            Assert.Equal(scalarWords, vectorWords);
        }

        Assert.Equal(scalarState, vectorState);
    }

    [Fact]
    public void Advance_OneLane_IsTextbookXoshiro256StarStar()
    {
        // xoshiro256** from state (1, 2, 3, 4): the first output is rotl(2·5, 7)·9 = 11520 by hand; the next two are
        // from a Python transcription of the reference C code.
        var state = new ulong[4 * NormalTransform.PairsPerBlock];
        for (var word = 0; word < 4; word++)
            state[word * NormalTransform.PairsPerBlock] = (ulong)word + 1;
        var words = new ulong[NormalTransform.PairsPerBlock];
        var first = new List<ulong>();

        for (var step = 0; step < 3; step++)
        {
            GaussianNoise.Advance(state, words, vectorised: true);
            first.Add(words[0]);
        }

        Assert.Equal([11520UL, 0UL, 1509978240UL], first);
    }

    [Fact]
    public void Transform_VectorAndScalarPaths_GiveIdenticalBits()
    {
        // The stream must not depend on the machine's vector width: the vector path has to round exactly like the
        // scalar one on every input, including the ends of both 24-bit ranges and every quarter-turn boundary.
        var words = new ulong[NormalTransform.PairsPerBlock];
        var vector = new float[NormalTransform.BlockLength];
        var scalar = new float[NormalTransform.BlockLength];
        var random = new Random(11);
        int[] special = [0, 1, 2, (1 << 21) - 1, 1 << 21, (1 << 22) - 1, 1 << 22, 3 << 21, (3 << 21) + 1, 1 << 23, 7 << 21, (1 << 24) - 2, (1 << 24) - 1];
        for (var round = 0; round < 4000; round++)
        {
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = round < special.Length
                    ? Word(special[round], special[(round + i) % special.Length], (ulong)random.Next(1 << 16))
                    : (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
            }

            NormalTransform.Transform(words, vector, vectorised: true);
            NormalTransform.Transform(words, scalar, vectorised: false);

            Assert.Equal(scalar, vector);
        }
    }

    [Fact]
    public void Transform_AgainstDoubleBoxMuller_WithinFloatAccuracy()
    {
        var radii = new int[NormalTransform.PairsPerBlock];
        var angles = new int[NormalTransform.PairsPerBlock];
        var words = new ulong[NormalTransform.PairsPerBlock];
        var output = new float[NormalTransform.BlockLength];
        var random = new Random(12);
        for (var round = 0; round < 2000; round++)
        {
            for (var i = 0; i < radii.Length; i++)
            {
                // Every fourth radius from the far tail, where the logarithm's range reduction works hardest.
                radii[i] = i % 4 == 0 ? random.Next(64) : random.Next(1 << 24);
                angles[i] = random.Next(1 << 24);
                words[i] = Word(radii[i], angles[i], (ulong)random.Next(1 << 16));
            }

            NormalTransform.Transform(words, output, vectorised: false);

            for (var i = 0; i < radii.Length; i++)
            {
                var r = Math.Sqrt(-2 * Math.Log((radii[i] + 1) / 16777216.0));
                var theta = 2 * Math.PI * angles[i] / 16777216.0;
                Assert.Equal(r * Math.Cos(theta), output[i], 1e-6 * Math.Max(1, r));
                Assert.Equal(r * Math.Sin(theta), output[NormalTransform.PairsPerBlock + i], 1e-6 * Math.Max(1, r));
            }
        }
    }

    [Fact]
    public void Transform_AtTheEnds_GivesLargestRadiusAndZero()
    {
        var words = new ulong[NormalTransform.PairsPerBlock];
        var output = new float[NormalTransform.BlockLength];
        words[1] = Word((1 << 24) - 1, 12345, 0);

        NormalTransform.Transform(words, output, vectorised: true);

        // ρ = 0 is u = 2⁻²⁴, the largest radius √(48 ln 2); θ = 0 puts it all on the cosine. ρ = 2²⁴−1 is u = 1, r = 0.
        Assert.Equal(Math.Sqrt(48 * Math.Log(2)), output[0], 1e-6);
        Assert.Equal(0f, output[16]);
        Assert.Equal(0f, Math.Abs(output[1]));
        Assert.Equal(0f, Math.Abs(output[17]));
    }

    private static ulong Word(int radius, int angle, ulong low) => ((ulong)radius << 40) | ((ulong)angle << 16) | low;
}
