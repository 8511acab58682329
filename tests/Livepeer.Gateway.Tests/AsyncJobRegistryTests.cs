using System.Text.Json;
using Livepeer.Api;
using Livepeer.Gateway.Hosting;
using Livepeer.Gateway.Http;
using Livepeer.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Livepeer.Gateway.Tests;

/// <summary>The asynchronous mode's registry on its own: states, wire shapes, capacity and expiry on a fake clock.</summary>
public sealed class AsyncJobRegistryTests : IDisposable
{
    private const string Pipeline = "image-to-video";
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);
    private static readonly IReadOnlyList<Api.Media> Video = [new("/stream/2b835716/01c0e9a6.mp4", 7, false)];

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly AsyncJobRegistry registry;

    public AsyncJobRegistryTests() => registry = Registry(capacity: 3);

    public void Dispose() => registry.Dispose();

    [Fact]
    public async Task Start_JobRunning_ProcessingThenCompleteWithTheMedia()
    {
        var job = new TaskCompletionSource<IReadOnlyList<Api.Media>>(TaskCreationOptions.RunContinuationsAsynchronously);

        var id = registry.Start(Pipeline, _ => job.Task);

        Assert.Equal("""{"status":"processing"}""", Json(registry.Find(Pipeline, id)));
        job.SetResult(Video);
        await registry.WhenFinishedAsync(id);
        Assert.Equal(
            """{"status":"complete","result":{"images":[{"url":"/stream/2b835716/01c0e9a6.mp4","seed":7,"nsfw":false}]}}""",
            Json(registry.Find(Pipeline, id)));
    }

    [Fact]
    public async Task Start_JobFailsAsTheApiAnswers_CompleteWithThatMessage()
    {
        var id = registry.Start(Pipeline, _ => throw new ApiProblemException(400, "`fps` must be between 1 and 60 but is 0."));

        await registry.WhenFinishedAsync(id);

        Assert.Equal("""{"status":"complete","result":{"error":{"message":"`fps` must be between 1 and 60 but is 0."}}}""", Json(registry.Find(Pipeline, id)));
    }

    [Fact]
    public async Task Start_JobFailsUnexpectedly_InternalServerError()
    {
        var id = registry.Start(Pipeline, _ => Task.FromException<IReadOnlyList<Api.Media>>(new InvalidOperationException("secret detail")));

        await registry.WhenFinishedAsync(id);

        Assert.Equal("Internal Server Error", registry.Find(Pipeline, id)!.Result!.Error!.Message);
    }

    [Fact]
    public async Task Start_RequestIds_AreDistinctEightLowerHex()
    {
        using var many = Registry(capacity: 200);

        var ids = Enumerable.Range(0, 200).Select(_ => many.Start(Pipeline, _ => Task.FromResult(Video))).ToList();

        Assert.All(ids, id => Assert.True(MediaIds.IsValidId(id), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        await Task.WhenAll(ids.Select(many.WhenFinishedAsync));
    }

    [Fact]
    public void Find_UnknownIdOrOtherPipeline_Null()
    {
        var id = registry.Start(Pipeline, _ => new TaskCompletionSource<IReadOnlyList<Api.Media>>().Task);

        Assert.Null(registry.Find(Pipeline, "00000000"));
        Assert.Null(registry.Find(Pipeline, ""));
        Assert.Null(registry.Find("text-to-image", id));
        Assert.NotNull(registry.Find(Pipeline, id));
    }

    [Fact]
    public void Start_Full_503WithRetryAfterAndNothingAdded()
    {
        var never = new TaskCompletionSource<IReadOnlyList<Api.Media>>();
        for (var i = 0; i < 3; i++) registry.Start(Pipeline, _ => never.Task);

        var refused = Assert.Throws<ApiProblemException>(() => registry.Start(Pipeline, _ => never.Task));

        Assert.Equal(503, refused.StatusCode);
        Assert.Equal(2, refused.RetryAfterSeconds);
        Assert.Equal("This gateway already holds 3 asynchronous jobs, running or waiting to be collected; try again later.", refused.Message);
        Assert.Equal(3, registry.Count);
    }

    [Fact]
    public async Task Find_FinishedResult_KeptForMediaRetentionThenInvalid()
    {
        var id = registry.Start(Pipeline, _ => Task.FromResult(Video));
        await registry.WhenFinishedAsync(id);

        time.Advance(Retention - TimeSpan.FromTicks(1));
        Assert.Equal(AsyncJobStatus.Complete, registry.Find(Pipeline, id)?.Status);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Null(registry.Find(Pipeline, id));
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public async Task Find_RunningLongerThanMediaRetention_StillProcessing()
    {
        var job = new TaskCompletionSource<IReadOnlyList<Api.Media>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = registry.Start(Pipeline, _ => job.Task);

        time.Advance(Retention * 3);
        Assert.Equal(AsyncJobStatus.Processing, registry.Find(Pipeline, id)?.Status);

        // Retention counts from the end of the job, not its start.
        job.SetResult(Video);
        await registry.WhenFinishedAsync(id);
        time.Advance(Retention - TimeSpan.FromTicks(1));
        Assert.Equal(AsyncJobStatus.Complete, registry.Find(Pipeline, id)?.Status);
    }

    [Fact]
    public async Task Start_FullOfExpiredResults_SweepsThemAndAccepts()
    {
        using var small = Registry(capacity: 1);
        var first = small.Start(Pipeline, _ => Task.FromResult(Video));
        await small.WhenFinishedAsync(first);
        Assert.Throws<ApiProblemException>(() => small.Start(Pipeline, _ => Task.FromResult(Video)));

        time.Advance(Retention);
        var second = small.Start(Pipeline, _ => Task.FromResult(Video));

        Assert.Null(small.Find(Pipeline, first));
        Assert.NotEqual(first, second);
        Assert.Equal(1, small.Count);
        await small.WhenFinishedAsync(second);
    }

    [Fact]
    public async Task StoppingAsync_CancelsRunningJobsAndRefusesNewOnes()
    {
        var id = registry.Start(Pipeline, async token =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return Video;
        });

        await registry.StoppingAsync(CancellationToken.None);

        Assert.Equal("The gateway is shutting down.", registry.Find(Pipeline, id)!.Result!.Error!.Message);
        var refused = Assert.Throws<ApiProblemException>(() => registry.Start(Pipeline, _ => Task.FromResult(Video)));
        Assert.Equal(503, refused.StatusCode);
    }

    private static string Json(AsyncJobStatus? status) => JsonSerializer.Serialize(status, ApiJson.Options);

    private AsyncJobRegistry Registry(int capacity) =>
        new(Options.Create(new AiGatewayOptions { AsyncResultCapacity = capacity, MediaRetention = Retention }), time, NullLogger<AsyncJobRegistry>.Instance);
}
