using Livepeer.Pipelines;

namespace Livepeer.Gateway.Hosting;

/// <summary>The gateway role's API, routing and media settings. Section <c>Livepeer:Gateway</c>.</summary>
public sealed class AiGatewayOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Livepeer:Gateway";

    /// <summary>When set, every API request must send <c>Authorization: Bearer &lt;token&gt;</c>. Default: no auth.</summary>
    public string BearerToken { get; set; } = "";

    /// <summary>Absolute base for media URLs (e.g. <c>https://gw.example.com</c>); empty (default) returns relative <c>/stream/…</c> URLs as go-livepeer does.</summary>
    public string MediaBaseUrl { get; set; } = "";

    /// <summary>Folder of the media store. Default: <c>livepeer-media</c> under the temp folder.</summary>
    public string MediaRoot { get; set; } = Path.Combine(Path.GetTempPath(), "livepeer-media");

    /// <summary>How long results stay downloadable. Default 1 h.</summary>
    public TimeSpan MediaRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Jobs started with <c>Prefer: respond-async</c> that are held at most, running or finished (a finished one is kept
    /// for <see cref="MediaRetention"/>); beyond that new ones are refused with 503. Default 1000.
    /// </summary>
    public int AsyncResultCapacity { get; set; } = 1000;

    /// <summary>Model used when a request's <c>model_id</c> is absent or empty, per pipeline (overrides <see cref="BuiltInDefaultModels"/>).</summary>
    public Dictionary<string, string> DefaultModels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Highest price (wei per unit) paid to any orchestrator; 0 (default) means no limit.</summary>
    public decimal MaxPricePerUnit { get; set; }

    /// <summary>Per-pipeline (<c>upscale</c>) or per-model (<c>upscale/owner/model</c>) max price in wei per unit; overrides <see cref="MaxPricePerUnit"/>.</summary>
    public Dictionary<string, decimal> MaxPrices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Deadline per pipeline for the whole request, retries included (overrides <see cref="BuiltInDeadlines"/>); past it the client gets 504.</summary>
    public Dictionary<string, TimeSpan> Deadlines { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Attempts on different orchestrators per request. Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Jobs this gateway keeps in flight per orchestrator at most, besides its advertised capacity; 0 (default) = capacity only.</summary>
    public int MaxInFlightPerOrchestrator { get; set; }

    /// <summary>Consecutive failures (never the client's 400s) after which an orchestrator is suspended. Default 3.</summary>
    public int SuspendAfterFailures { get; set; } = 3;

    /// <summary>First suspension; each further one doubles it, up to 10 minutes. Default 30 s.</summary>
    public TimeSpan Suspension { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often orchestrators are discovered and their offers refreshed, in the background. Default 1 s.</summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Retry-After</c> seconds sent with 503. Default 2.</summary>
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary>Largest image upload in bytes. Default 20 MiB.</summary>
    public long MaxImageBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest audio upload in bytes (the runner's limit). Default 50 MiB.</summary>
    public long MaxAudioBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Largest input image in pixels. Default 4096 × 4096.</summary>
    public long MaxImagePixels { get; set; } = 4096L * 4096;

    /// <summary>The go-livepeer/Livepeer Studio default models (livepeer-ai-api.md §5.1).</summary>
    public static IReadOnlyDictionary<string, string> BuiltInDefaultModels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [PipelineNames.TextToImage] = "SG161222/RealVisXL_V4.0_Lightning",
        [PipelineNames.ImageToImage] = "timbrooks/instruct-pix2pix",
        [PipelineNames.ImageToVideo] = "stabilityai/stable-video-diffusion-img2vid-xt-1-1",
        [PipelineNames.Upscale] = "stabilityai/stable-diffusion-x4-upscaler",
        [PipelineNames.AudioToText] = "openai/whisper-large-v3",
        [PipelineNames.SegmentAnything2] = "facebook/sam2-hiera-large",
        [PipelineNames.Llm] = "meta-llama/Meta-Llama-3.1-8B-Instruct",
        [PipelineNames.ImageToText] = "Salesforce/blip-image-captioning-large",
        [PipelineNames.TextToSpeech] = "parler-tts/parler-tts-large-v1",
    };

    /// <summary>Default deadlines: seconds for images, minutes for video and long audio.</summary>
    public static IReadOnlyDictionary<string, TimeSpan> BuiltInDeadlines { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        [PipelineNames.TextToImage] = TimeSpan.FromMinutes(2),
        [PipelineNames.ImageToImage] = TimeSpan.FromMinutes(2),
        [PipelineNames.ImageToVideo] = TimeSpan.FromMinutes(10),
        [PipelineNames.Upscale] = TimeSpan.FromMinutes(2),
        [PipelineNames.AudioToText] = TimeSpan.FromMinutes(5),
        [PipelineNames.SegmentAnything2] = TimeSpan.FromMinutes(1),
        [PipelineNames.Llm] = TimeSpan.FromMinutes(2),
        [PipelineNames.ImageToText] = TimeSpan.FromMinutes(1),
        [PipelineNames.TextToSpeech] = TimeSpan.FromMinutes(2),
    };

    /// <summary>The default model of <paramref name="pipeline"/>.</summary>
    public string DefaultModel(string pipeline) =>
        DefaultModels.TryGetValue(pipeline, out var model) && model.Length > 0 ? model : BuiltInDefaultModels[pipeline];

    /// <summary>The deadline of <paramref name="pipeline"/>.</summary>
    public TimeSpan Deadline(string pipeline) =>
        Deadlines.TryGetValue(pipeline, out var deadline) ? deadline : BuiltInDeadlines[pipeline];

    /// <summary>The max price in wei per unit for a model, or null when there is none.</summary>
    public decimal? MaxPrice(string pipeline, string modelId)
    {
        if (MaxPrices.TryGetValue($"{pipeline}/{modelId}", out var perModel)) return perModel;
        if (MaxPrices.TryGetValue(pipeline, out var perPipeline)) return perPipeline;
        return MaxPricePerUnit > 0 ? MaxPricePerUnit : null;
    }
}
