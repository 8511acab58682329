namespace Livepeer.Media.Tests;

public sealed class MediaIdsTests
{
    [Fact]
    public void NewId_IsEightLowerCaseHex()
    {
        var id = MediaIds.NewId();

        Assert.Matches("^[0-9a-f]{8}$", id);
        Assert.True(MediaIds.IsValidId(id));
    }

    [Fact]
    public void NewId_TenThousandDraws_CollideNoMoreThanRandom32BitIdsDo()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => MediaIds.NewId()).ToList();

        // Ids are 32 random bits (go-livepeer's 8 hex digits), so 10,000 draws share one about 1.2% of the time (birthday
        // bound n²/2^33); the store keys files by request id and file name together, so a shared id overwrites nothing.
        // Four or more collisions would take a broken generator (chance ~1e-9 for a good one).
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{8}$", id));
        Assert.InRange(ids.Count - ids.Distinct(StringComparer.Ordinal).Count(), 0, 3);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData("ABCDEF12")]
    [InlineData("abcDef12")]
    [InlineData("abcdef1")]
    [InlineData("abcdef123")]
    [InlineData("abcdefg1")]
    [InlineData(" abcdef1")]
    [InlineData("abcd/f12")]
    [InlineData("0123456\u0661")]
    public void IsValidId_Rejects(string? id) => Assert.False(MediaIds.IsValidId(id));

    [Fact]
    public void IsValidId_AcceptsLowerHex() => Assert.True(MediaIds.IsValidId("0123abcd"));

    [Theory]
    [InlineData("0123abcd.png")]
    [InlineData("0123abcd.jpg")]
    [InlineData("0123abcd.mp4")]
    [InlineData("0123abcd.wav")]
    [InlineData("ffffffff.webm")]
    public void IsValidFileName_AcceptsIdAndKnownExtension(string name) => Assert.True(MediaIds.IsValidFileName(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("../../etc/passwd")]
    [InlineData("0123abcd")]
    [InlineData("0123abcd.")]
    [InlineData("0123abcd.PNG")]
    [InlineData("0123ABCD.png")]
    [InlineData("0123abc.png")]
    [InlineData("0123abcde.png")]
    [InlineData("0123abcd.exe")]
    [InlineData("0123abcd.bin")]
    [InlineData("0123abcd.jpeg")]
    [InlineData("0123abcd..png")]
    [InlineData("0123abcd.png/..")]
    [InlineData("0123abcd.png ")]
    [InlineData(".0123abcd.png.0123abcd.tmp")]
    public void IsValidFileName_Rejects(string? name) => Assert.False(MediaIds.IsValidFileName(name));

    [Fact]
    public void NewFileName_UsesTheFormatExtension()
    {
        var name = MediaIds.NewFileName(MediaFormat.Wav);

        Assert.Matches("^[0-9a-f]{8}\\.wav$", name);
        Assert.True(MediaIds.IsValidFileName(name));
        Assert.Throws<ArgumentException>(() => MediaIds.NewFileName(MediaFormat.Unknown));
    }
}
