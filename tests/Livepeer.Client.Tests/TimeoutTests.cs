using Livepeer.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Livepeer.Client.Tests;

/// <summary>The client's own timeout (on a fake clock) versus the caller's cancellation.</summary>
public sealed class TimeoutTests
{
    [Fact]
    public async Task Call_PastTheTimeout_ThrowsTimeoutException()
    {
        var clock = new FakeTimeProvider();
        using var test = new TestClient(Hang, o =>
        {
            o.TimeProvider = clock;
            o.Timeout = TimeSpan.FromSeconds(30);
        });

        var call = test.Client.TextToImageAsync(new TextToImageRequest { Prompt = "p" });
        clock.Advance(TimeSpan.FromSeconds(31));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("POST /text-to-image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_CancelledByTheCaller_ThrowsOperationCanceled()
    {
        var clock = new FakeTimeProvider();
        using var test = new TestClient(Hang, o => o.TimeProvider = clock);
        using var cancellation = new CancellationTokenSource();

        var call = test.Client.UpscaleAsync(new UpscaleRequest { Prompt = "p" }, new LivepeerFile(TestMedia.TinyPng), cancellation.Token);
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<TimeoutException>(error);
    }

    [Fact]
    public async Task LlmStream_PastTheTimeout_ThrowsTimeoutException()
    {
        var clock = new FakeTimeProvider();
        using var test = new TestClient(Hang, o =>
        {
            o.TimeProvider = clock;
            o.Timeout = TimeSpan.FromMinutes(1);
        });

        var next = test.Client.LlmStreamAsync(new LlmRequest { Messages = [new LlmMessage("user", "Hi")] }).GetAsyncEnumerator();
        var move = next.MoveNextAsync().AsTask();
        clock.Advance(TimeSpan.FromMinutes(2));

        await Assert.ThrowsAsync<TimeoutException>(() => move);
        await next.DisposeAsync();
    }

    [Fact]
    public async Task Call_InfiniteTimeout_WaitsForTheAnswer()
    {
        var clock = new FakeTimeProvider();
        var answer = new TaskCompletionSource<HttpResponseMessage>();
        using var test = new TestClient(new RecordingHandler((_, _) => answer.Task), o =>
        {
            o.TimeProvider = clock;
            o.Timeout = Timeout.InfiniteTimeSpan;
        });

        var call = test.Client.TextToImageAsync(new TextToImageRequest { Prompt = "p" });
        clock.Advance(TimeSpan.FromDays(1));
        answer.SetResult(Responses.Json(Samples.ImageJson));

        Assert.Equal(2, (await call).Images.Count);
    }

    private static RecordingHandler Hang => new(async (_, cancellationToken) =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    });
}
