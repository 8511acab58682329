using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion.Text;

public sealed class ClipTextNormalizerTests
{
    [Theory]
    [InlineData("A Photo OF a CAT", "a photo of a cat")]
    [InlineData("  a \t\r\n photo  ", "a photo")]
    [InlineData("a\u00A0\u2003\u3000\u2029photo", "a photo")]
    [InlineData("ÀÉÎ ΣΩ ДЖ", "àéî σω дж")]
    [InlineData("", "")]
    [InlineData(" \n\t ", "")]
    public void Normalize_CaseAndWhiteSpace_LowerCaseAndSingleSpaces(string text, string expected) =>
        Assert.Equal(expected, ClipTextNormalizer.Normalize(text));

    [Theory]
    [InlineData("İstanbul", "i\u0307stanbul")]
    [InlineData("ΟΔΥΣΣΕΥΣ", "οδυσσευς")]
    [InlineData("ΑΣ Β Σ", "ας β σ")]
    [InlineData("ΑΣ'Α ΑΣ. ΑΣ\u0308", "ασ'α ας. ας\u0308")]
    [InlineData("ΑΣⒶ 𝔸Σ", "ασⓐ 𝔸ς")]
    public void Normalize_PythonSpecialCasing_DottedCapitalIAndFinalSigma(string text, string expected) =>
        Assert.Equal(expected, ClipTextNormalizer.Normalize(text));

    [Theory]
    [InlineData("cat&amp;dog", "cat&dog")]
    [InlineData("cat&amp;amp;dog", "cat&dog")]
    [InlineData("&lt;b&gt; &quot;x&quot; it&apos;s &#39;y&#39;", "<b> \"x\" it's 'y'")]
    [InlineData("&#x1F600; &#128512;", "😀 😀")]
    [InlineData("&amp &lt3", "& <3")]
    [InlineData("&apos &unknown; & &#; &#xZZ;", "&apos &unknown; & &#; &#xzz;")]
    [InlineData("&#0; &#xD800; &#x110000;", "\uFFFD \uFFFD \uFFFD")]
    [InlineData("a&nbsp;b", "a b")]
    public void Normalize_HtmlEntities_AreDecoded(string text, string expected) =>
        Assert.Equal(expected, ClipTextNormalizer.Normalize(text));

    [Theory]
    [InlineData("it’s “quoted” ‘too’", "it's \"quoted\" 'too'")]
    [InlineData("ﬁne ﬂower ﬀ ﬃ ﬄ ﬆ Ĳssel", "fine flower ff ffi ffl st ijssel")]
    [InlineData("ＣＡＴ！ｄｏｇ？", "cat!dog?")]
    [InlineData("a\u0000b\u0007c\u007Fd\uFEFFe\u200Ff", "abcde\u200Ff")]
    [InlineData("a\u001Cb \u206Ac", "ab c")]
    public void Normalize_FtfyFixes_ArePlainText(string text, string expected) =>
        Assert.Equal(expected, ClipTextNormalizer.Normalize(text));

    [Fact]
    public void Normalize_LoneSurrogate_BecomesTheReplacementCharacter()
    {
        Assert.Equal("a\uFFFDb\uFFFD", ClipTextNormalizer.Normalize("A\uD800B\uDC00"));
    }
}
