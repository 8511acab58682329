using Livepeer.Grains.Devices;

namespace Livepeer.Grains.Tests;

public sealed class SlotGateTests
{
    [Fact]
    public async Task WaitAsync_FreeSlots_AdmitsAtOnce()
    {
        var gate = new SlotGate(2);

        await gate.WaitAsync(CancellationToken.None);
        await gate.WaitAsync(CancellationToken.None);

        Assert.Equal(2, gate.Busy);
    }

    [Fact]
    public async Task Release_AdmitsWaitersInArrivalOrder()
    {
        var gate = new SlotGate(1);
        await gate.WaitAsync(CancellationToken.None);
        var first = gate.WaitAsync(CancellationToken.None);
        var second = gate.WaitAsync(CancellationToken.None);
        Assert.False(first.IsCompleted);

        gate.Release();
        await first;
        Assert.False(second.IsCompleted);

        gate.Release();
        await second;
        Assert.Equal(1, gate.Busy);
    }

    [Fact]
    public async Task WaitAsync_CancelledWaiter_TakesNoSlot()
    {
        var gate = new SlotGate(1);
        await gate.WaitAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var cancelled = gate.WaitAsync(cts.Token);
        var next = gate.WaitAsync(CancellationToken.None);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.Release();
        await next;

        Assert.Equal(1, gate.Busy);
    }
}
