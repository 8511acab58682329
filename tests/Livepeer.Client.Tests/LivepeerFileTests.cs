using Livepeer.Testing;
namespace Livepeer.Client.Tests;

/// <summary>Uploads from bytes, streams and paths.</summary>
public sealed class LivepeerFileTests
{
    [Fact]
    public void Constructor_Defaults_AreTheJavaScriptSdks()
    {
        var file = new LivepeerFile(TestMedia.TinyPng);

        Assert.Equal("blob", file.FileName);
        Assert.Equal("application/octet-stream", file.ContentType);
    }

    [Fact]
    public async Task Stream_Uploaded_IsReadFromItsPositionAndLeftOpen()
    {
        using var stream = new MemoryStream([0xFF, .. TestMedia.TinyPng]) { Position = 1 };
        using var test = new TestClient(_ => Responses.Json(Samples.ImageJson));

        await test.Client.UpscaleAsync(new UpscaleRequest { Prompt = "p" }, new LivepeerFile(stream, "in.png", "image/png"));

        var form = await MultipartBody.ParseAsync(test.Request);
        Assert.Equal(TestMedia.TinyPng, form.Parts[0].Body);
        Assert.Equal("in.png", form.Parts[0].FileName);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task FromPath_Uploaded_SendsTheFileUnderItsName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"livepeer-client-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, TestMedia.TinyPng);
        try
        {
            using var test = new TestClient(_ => Responses.Json(Samples.ImageJson));
            var file = LivepeerFile.FromPath(path);

            await test.Client.ImageToImageAsync(new ImageToImageRequest { Prompt = "p" }, file);
            await test.Client.ImageToImageAsync(new ImageToImageRequest { Prompt = "p" }, file);

            Assert.Equal(2, test.Handler.Requests.Count);
            var form = await MultipartBody.ParseAsync(test.Handler.Requests[1]);
            Assert.Equal(Path.GetFileName(path), form.Parts[0].FileName);
            Assert.Equal("application/octet-stream", form.Parts[0].ContentType);
            Assert.Equal(TestMedia.TinyPng, form.Parts[0].Body);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromPath_Missing_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => LivepeerFile.FromPath(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.png")));
    }

    [Theory]
    [InlineData("", "image/png")]
    [InlineData("a.png", "")]
    [InlineData("a.png", "not a media type")]
    public void Constructor_BadNameOrType_Throws(string fileName, string contentType)
    {
        Assert.ThrowsAny<ArgumentException>(() => new LivepeerFile(TestMedia.TinyPng, fileName, contentType));
    }

    [Fact]
    public void Constructor_UnreadableStream_Throws()
    {
        using var stream = new MemoryStream();
        stream.Dispose();

        Assert.Throws<ArgumentException>(() => new LivepeerFile(stream));
    }
}
