using System.Collections.Immutable;
using System.Globalization;
using Livepeer.Contracts;
using Livepeer.Gateway.Hosting;
using Livepeer.Gateway.Routing;
using Livepeer.Media;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Livepeer.Gateway.Http;

/// <summary>
/// What every endpoint does around its own fields: read and check uploads, pick the default model, build the job,
/// run it through the dispatcher, store the results and turn them into URLs. Written once so endpoints stay small.
/// </summary>
internal sealed class JobGateway(JobDispatcher dispatcher, IMediaStore media, IOptions<AiGatewayOptions> options)
{
    private const string FileTooLarge = "File size exceeds limit.";

    public AiGatewayOptions Options => options.Value;

    /// <summary>Reads an image upload: over the byte limit → 413; the header (not the file name) decides the format; too many pixels → 413; not an image → 415.</summary>
    public async Task<(byte[] Bytes, ImageInfo Info)> ReadImageAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(file, Options.MaxImageBytes, cancellationToken);
        var info = ImageCodec.Identify(bytes, new ImageLimits { MaxBytes = Options.MaxImageBytes, MaxPixels = Options.MaxImagePixels });
        return (bytes, info);
    }

    /// <summary>Reads an audio upload: over the limit → 413; a format the magic bytes do not show as audio → 415.</summary>
    public async Task<(byte[] Bytes, MediaFormat Format)> ReadAudioAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(file, Options.MaxAudioBytes, cancellationToken);
        var format = MediaFormats.Detect(bytes);
        if (!MediaFormats.IsAudio(format) && !MediaFormats.IsVideo(format))
            throw new UnsupportedMediaException("Unsupported audio format or malformed file.");
        return (bytes, format);
    }

    /// <summary>The requested model, or the pipeline's default when the request gave none (absent and <c>""</c> alike).</summary>
    public string ModelFor(string pipeline, string? requested) =>
        string.IsNullOrEmpty(requested) ? Options.DefaultModel(pipeline) : requested;

    /// <summary>A seed in [0, 2^32-1] when the request has none.</summary>
    public static long SeedOrRandom(long? seed) => seed ?? Random.Shared.NextInt64(0, 1L << 32);

    public static JobRequest NewJob(string pipeline, string modelId, IReadOnlyDictionary<string, string> parameters, byte[]? input = null) =>
        new(Guid.NewGuid().ToString("N"), pipeline, modelId, parameters.ToImmutableDictionary(StringComparer.Ordinal), input ?? []);

    public Task<JobResult> RunAsync(JobRequest job, CancellationToken cancellationToken) => dispatcher.DispatchAsync(job, cancellationToken);

    /// <summary>Stores every artifact of <paramref name="result"/> under one new request id and returns their media entries.</summary>
    public async Task<IReadOnlyList<Api.Media>> StoreAsync(JobResult result, CancellationToken cancellationToken)
    {
        var requestId = MediaIds.NewId();
        var stored = new List<Api.Media>(result.Artifacts.Length);
        foreach (var artifact in result.Artifacts)
        {
            var format = MediaFormats.Detect(artifact.Data);
            if (format == MediaFormat.Unknown)
                throw new ApiProblemException(StatusCodes.Status500InternalServerError, $"The worker returned an unrecognized {artifact.ContentType} result.");
            var saved = await media.SaveAsync(requestId, artifact.Data, format, cancellationToken);
            stored.Add(new Api.Media(Url(saved.RelativeUrl), artifact.Seed, artifact.Nsfw));
        }

        return stored;
    }

    /// <summary>A media URL as configured: relative (go-livepeer's form) or absolute.</summary>
    public string Url(string relative) =>
        Options.MediaBaseUrl.Length == 0 ? relative : Options.MediaBaseUrl.TrimEnd('/') + relative;

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Invariant(bool value) => value ? "true" : "false";

    private static async Task<byte[]> ReadAsync(IFormFile file, long limit, CancellationToken cancellationToken)
    {
        if (file.Length > limit) throw new MediaTooLargeException(FileTooLarge);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
