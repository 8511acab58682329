using Livepeer.Gateway.Http;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Tests;

/// <summary>Which <c>Prefer</c> headers ask for the asynchronous mode (RFC 7240 syntax; go-livepeer sends the bare token).</summary>
public sealed class PreferHeaderTests
{
    [Theory]
    [InlineData("respond-async", true)]
    [InlineData("Respond-Async", true)]
    [InlineData(" respond-async ", true)]
    [InlineData("wait=10, respond-async", true)]
    [InlineData("respond-async; x=y", true)]
    [InlineData("return=minimal", false)]
    [InlineData("respond-asynchronously", false)]
    [InlineData("handling=respond-async", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void PrefersRespondAsync_Header_AsRfc7240Reads(string? header, bool expected)
    {
        var http = new DefaultHttpContext();
        if (header is not null) http.Request.Headers["Prefer"] = header;

        Assert.Equal(expected, PreferHeader.PrefersRespondAsync(http.Request));
    }

    [Fact]
    public void PrefersRespondAsync_InASecondHeaderLine_True()
    {
        var http = new DefaultHttpContext();
        http.Request.Headers["Prefer"] = new(["return=minimal", "respond-async"]);

        Assert.True(PreferHeader.PrefersRespondAsync(http.Request));
    }
}
