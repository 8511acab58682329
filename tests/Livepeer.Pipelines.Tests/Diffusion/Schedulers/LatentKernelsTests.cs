using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion;

public sealed class LatentKernelsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1027)]
    [InlineData(4 * 64 * 64)]
    public void Blend_AnyLength_EqualsScalarFormulaExactly(int length)
    {
        var x = Vectors.Draws(1, length);
        var y = Vectors.Draws(2, length);
        var z = Vectors.Draws(3, length);
        var two = (float[])x.Clone();
        var three = (float[])x.Clone();

        LatentKernels.Blend(two, y, 0.75f, -1.3f);
        LatentKernels.Blend(three, y, z, 0.75f, -1.3f, 0.2f);

        // The same float operations in the same order as the vector path, element by element.
        for (var i = 0; i < length; i++)
        {
            Assert.Equal(0.75f * x[i] + -1.3f * y[i], two[i]);
            Assert.Equal(0.75f * x[i] + -1.3f * y[i] + 0.2f * z[i], three[i]);
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(1024)]
    [InlineData(2500)]
    public void Blend_WithGenerator_EqualsBlendWithDrawnNoise(int length)
    {
        var x = Vectors.Draws(1, length);
        var y = Vectors.Draws(2, length);
        var expected = (float[])x.Clone();
        LatentKernels.Blend(expected, y, Vectors.Draws(9, length), 0.5f, 2f, -0.25f);
        var noise = new GaussianNoise(9);

        LatentKernels.Blend(x, y, 0.5f, 2f, -0.25f, noise);

        Assert.Equal(expected, x);
        // Exactly `length` numbers were drawn.
        Assert.Equal(Vectors.Draws(9, length + 1)[length], noise.Next());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1027)]
    public void ScaleAndGuide_AnyLength_EqualScalarFormulaExactly(int length)
    {
        var u = Vectors.Draws(1, length);
        var c = Vectors.Draws(2, length);
        var scaled = new float[length];
        var guided = new float[length];

        LatentKernels.Scale(u, 0.3f, scaled);
        LatentKernels.Guide(u, c, 7.5f, guided);

        for (var i = 0; i < length; i++)
        {
            Assert.Equal(u[i] * 0.3f, scaled[i]);
            Assert.Equal(u[i] + 7.5f * (c[i] - u[i]), guided[i]);
        }
    }

    [Fact]
    public void Blend_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => LatentKernels.Scale(new float[4], 1, new float[3]));
        Assert.Throws<ArgumentException>(() => LatentKernels.Guide(new float[4], new float[3], 1, new float[4]));
        Assert.Throws<ArgumentException>(() => LatentKernels.Blend(new float[4], new float[3], 1, 1));
        Assert.Throws<ArgumentException>(() => LatentKernels.Blend(new float[4], new float[4], new float[5], 1, 1, 1));
    }
}
