using Livepeer.Testing;
using System.Text;

namespace Livepeer.Media.Tests;

public sealed class MediaFormatsTests
{
    public static TheoryData<string, MediaFormat> MagicBytes => new()
    {
        { "89504E470D0A1A0A0000000D49484452", MediaFormat.Png },
        { "FFD8FFE000104A464946", MediaFormat.Jpeg },
        { "FFD8FFE1", MediaFormat.Jpeg },
        { Hex("GIF87a") + "0100010000", MediaFormat.Gif },
        { Hex("GIF89a") + "0100010000", MediaFormat.Gif },
        { Hex("BM") + "3A000000000000003600000028000000", MediaFormat.Bmp },
        { Hex("BM") + "1E000000000000001A0000000C000000", MediaFormat.Bmp },
        { Hex("RIFF") + "24000000" + Hex("WEBPVP8 "), MediaFormat.Webp },
        { Hex("RIFF") + "24000000" + Hex("WEBPVP8L"), MediaFormat.Webp },
        { "49492A0008000000", MediaFormat.Tiff },
        { "4D4D002A00000008", MediaFormat.Tiff },
        { Hex("RIFF") + "24000000" + Hex("WAVEfmt "), MediaFormat.Wav },
        { Hex("ID3") + "0400000000000000", MediaFormat.Mp3 },
        { "FFFB9064", MediaFormat.Mp3 }, // MPEG-1 layer III, 128 kbit/s, 44.1 kHz
        { "FFF3A8C4", MediaFormat.Mp3 }, // MPEG-2 layer III
        { "FFE39064", MediaFormat.Mp3 }, // MPEG-2.5 layer III
        { Hex("fLaC") + "00000022", MediaFormat.Flac },
        { Hex("OggS") + "0002000000000000", MediaFormat.Ogg },
        { "00000018" + Hex("ftypisom") + "00000200", MediaFormat.Mp4 },
        { "00000020" + Hex("ftypmp42"), MediaFormat.Mp4 },
        { "0000001C" + Hex("ftypM4A "), MediaFormat.Mp4 },
        { "1A45DFA3A34286810142F7810142F2", MediaFormat.WebM },
    };

    [Theory]
    [MemberData(nameof(MagicBytes))]
    public void Detect_MagicBytes_RecognisesFormat(string hex, MediaFormat expected) =>
        Assert.Equal(expected, MediaFormats.Detect(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("")]
    [InlineData("89")]
    [InlineData("89504E47")]
    [InlineData("FFD8")]
    [InlineData("FF")]
    [InlineData("FFFB")]
    [InlineData("4749463839")]
    [InlineData("424D")]
    [InlineData("52494646")]
    [InlineData("5249464624000000")]
    [InlineData("0000001866747970")]
    public void Detect_ShortOrEmpty_IsUnknown(string hex) =>
        Assert.Equal(MediaFormat.Unknown, MediaFormats.Detect(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("hello world")]
    [InlineData("{\"prompt\":\"a cat\"}")]
    [InlineData("<!DOCTYPE html><html>")]
    [InlineData("BMW is a car maker, not a bitmap header")]
    [InlineData("RIFFy text that happens to start with RIFF")]
    [InlineData("ID")]
    public void Detect_Text_IsUnknown(string text) =>
        Assert.Equal(MediaFormat.Unknown, MediaFormats.Detect(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("FFF15080")] // AAC ADTS: layer bits 00
    [InlineData("FFFBF064")] // reserved bitrate index 1111
    [InlineData("FFFB9C64")] // reserved sample rate 11
    [InlineData("FFEB9064")] // reserved MPEG version 01
    public void Detect_InvalidMpegFrameHeader_IsUnknown(string hex) =>
        Assert.Equal(MediaFormat.Unknown, MediaFormats.Detect(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("avif")]
    [InlineData("heic")]
    [InlineData("mif1")]
    public void Detect_HeifOrAvifBrand_IsNotMp4(string brand) =>
        Assert.Equal(MediaFormat.Unknown, MediaFormats.Detect(Convert.FromHexString("0000001C" + Hex("ftyp" + brand))));

    [Theory]
    [InlineData(MediaFormat.Png, "image/png", "png")]
    [InlineData(MediaFormat.Jpeg, "image/jpeg", "jpg")]
    [InlineData(MediaFormat.Gif, "image/gif", "gif")]
    [InlineData(MediaFormat.Bmp, "image/bmp", "bmp")]
    [InlineData(MediaFormat.Webp, "image/webp", "webp")]
    [InlineData(MediaFormat.Tiff, "image/tiff", "tiff")]
    [InlineData(MediaFormat.Wav, "audio/wav", "wav")]
    [InlineData(MediaFormat.Mp3, "audio/mpeg", "mp3")]
    [InlineData(MediaFormat.Flac, "audio/flac", "flac")]
    [InlineData(MediaFormat.Ogg, "audio/ogg", "ogg")]
    [InlineData(MediaFormat.Mp4, "video/mp4", "mp4")]
    [InlineData(MediaFormat.WebM, "video/webm", "webm")]
    [InlineData(MediaFormat.Unknown, "application/octet-stream", "bin")]
    public void ContentTypeAndExtension_MatchFormat(MediaFormat format, string contentType, string extension)
    {
        Assert.Equal(contentType, MediaFormats.ContentType(format));
        Assert.Equal(extension, MediaFormats.Extension(format));
    }

    [Fact]
    public void ContentType_UndefinedValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MediaFormats.ContentType((MediaFormat)99));

    [Fact]
    public void Categories_PartitionTheKnownFormats()
    {
        var images = Enum.GetValues<MediaFormat>().Where(MediaFormats.IsImage);
        var audio = Enum.GetValues<MediaFormat>().Where(MediaFormats.IsAudio);
        var video = Enum.GetValues<MediaFormat>().Where(MediaFormats.IsVideo);

        Assert.Equal([MediaFormat.Png, MediaFormat.Jpeg, MediaFormat.Gif, MediaFormat.Bmp, MediaFormat.Webp, MediaFormat.Tiff], images);
        Assert.Equal([MediaFormat.Wav, MediaFormat.Mp3, MediaFormat.Flac, MediaFormat.Ogg], audio);
        Assert.Equal([MediaFormat.Mp4, MediaFormat.WebM], video);
    }

    [Fact]
    public void Detect_NeedsNoMoreThanSniffLength()
    {
        var wav = TestMedia.Wav();
        Assert.Equal(MediaFormat.Wav, MediaFormats.Detect(wav.AsSpan(0, MediaFormats.SniffLength)));
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.ASCII.GetBytes(ascii));
}
