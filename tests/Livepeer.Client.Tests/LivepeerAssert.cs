using System.Net;
using System.Text.RegularExpressions;

namespace Livepeer.Client.Tests;

/// <summary>What any conforming gateway's answers look like (livepeer-ai-api.md §4), for the fake gateway now and the real one later.</summary>
public static partial class LivepeerAssert
{
    private static readonly Uri AnyGateway = new("http://gateway.invalid/");

    /// <summary><paramref name="count"/> images, each with a PNG URL, a 32-bit seed and a verdict.</summary>
    public static void Images(ImageResponse response, int count)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(count, response.Images.Count);
        foreach (var image in response.Images) MediaEntry(image, "png", "image/png");
    }

    /// <summary>One MP4 in <c>images</c> (the gateway form, not the runner's <c>frames</c>).</summary>
    public static void Video(VideoResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        MediaEntry(Assert.Single(response.Images), "mp4", "video/mp4");
    }

    /// <summary>A transcript whose chunks each have a start and an end (which may be null).</summary>
    public static void Transcript(TextResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.NotNull(response.Text);
        foreach (var chunk in response.Chunks)
        {
            Assert.Equal(2, chunk.Timestamp.Count);
            Assert.NotNull(chunk.Timestamp[0]);
            Assert.NotNull(chunk.Text);
        }
    }

    /// <summary>Masks, scores and logits as the runner's text of nested lists.</summary>
    public static void Masks(MasksResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.StartsWith("[", response.Masks, StringComparison.Ordinal);
        Assert.StartsWith("[", response.Scores, StringComparison.Ordinal);
        Assert.StartsWith("[", response.Logits, StringComparison.Ordinal);
    }

    /// <summary>A WAV URL.</summary>
    public static void Speech(AudioResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        MediaUrl(response.Audio.Url, "wav", "audio/wav");
    }

    /// <summary>A non-streamed answer: at least one message, consistent token counts.</summary>
    public static void Llm(LlmResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.NotEmpty(response.Id);
        Assert.NotEmpty(response.Choices);
        Assert.All(response.Choices, c => Assert.NotNull(c.Message));
        Assert.Equal(response.Usage.PromptTokens + response.Usage.CompletionTokens, response.Usage.TotalTokens);
    }

    /// <summary>Streamed chunks: each carries a delta, and the last one says why it stopped.</summary>
    public static void LlmStream(IReadOnlyList<LlmResponse> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        Assert.NotEmpty(chunks);
        Assert.All(chunks, c => Assert.All(c.Choices, choice => Assert.NotNull(choice.Delta)));
        Assert.NotEqual("", chunks[^1].Choices[^1].FinishReason);
    }

    /// <summary>A download whose bytes start with the signature of <paramref name="mediaType"/>.</summary>
    public static void Download(LivepeerDownload download, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(download);
        Assert.Equal(mediaType, download.ContentType);
        var bytes = download.Content;
        switch (mediaType)
        {
            case "image/png":
                Assert.Equal(TestMedia.Png[..8], bytes[..8]);
                break;
            case "video/mp4":
                Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]);
                break;
            case "audio/wav":
                Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
                Assert.Equal("WAVE"u8.ToArray(), bytes[8..12]);
                break;
            default:
                Assert.Fail($"No signature known for {mediaType}.");
                break;
        }
    }

    /// <summary>An error of <paramref name="status"/> with a message (and the Bearer challenge on 401).</summary>
    public static void Error(LivepeerApiException error, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(error);
        Assert.Equal(status, error.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        if (status == HttpStatusCode.Unauthorized) Assert.Equal("Bearer", error.WwwAuthenticate);
        if (status == HttpStatusCode.UnprocessableEntity) Assert.NotEmpty(error.ValidationErrors ?? []);
    }

    private static void MediaEntry(Media media, string extension, string mediaType)
    {
        MediaUrl(media.Url, extension, mediaType);
        Assert.InRange(media.Seed, 0, uint.MaxValue);
    }

    /// <summary>A gateway URL <c>/stream/{8 hex}/{8 hex}.ext</c> (relative or absolute), any http(s) URL ending in the extension, or a data URL.</summary>
    private static void MediaUrl(string url, string extension, string mediaType)
    {
        if (url.StartsWith("data:", StringComparison.Ordinal))
        {
            Assert.StartsWith($"data:{mediaType};base64,", url, StringComparison.Ordinal);
            return;
        }

        if (url.StartsWith('/'))
        {
            Assert.Matches(StreamPath(), url);
        }
        else
        {
            Assert.Matches("^https?://", url);
        }

        Assert.EndsWith("." + extension, new Uri(AnyGateway, url).AbsolutePath, StringComparison.Ordinal);
    }

    [GeneratedRegex("^/stream/[0-9a-f]{8}/[0-9a-f]{8}\\.[a-z0-9]+$")]
    private static partial Regex StreamPath();
}
