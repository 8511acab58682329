namespace Livepeer.Pipelines.Tests;

/// <summary>One loaded model serves several device slots at once.</summary>
public sealed class ConcurrencyTests(UpscalerFixture fixture) : IClassFixture<UpscalerFixture>
{
    private const int Threads = 8;
    private const int RunsPerThread = 10;

    [Fact]
    public void Run_EightThreadsAtOnce_AllSucceedWithIdenticalOutputs()
    {
        // Two distinct inputs, alternated, so outputs crossing between concurrent runs would show.
        PipelineInput[] inputs =
        [
            Tensors.Input("1,3,8,8", Tensors.ToBytes(Tensors.RandomImage(8, 8, seed: 31))),
            Tensors.Input("1,3,8,8", Tensors.ToBytes(Tensors.RandomImage(8, 8, seed: 32))),
        ];
        var expected = inputs.Select(i => fixture.Model.Run(i, CancellationToken.None)).ToArray();
        Assert.NotEqual(expected[0].Data, expected[1].Data);

        var outputs = new PipelineOutput[Threads, RunsPerThread];
        var failures = new Exception?[Threads];
        using var start = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                start.Wait();
                for (var r = 0; r < RunsPerThread; r++)
                    outputs[t, r] = fixture.Model.Run(inputs[(t + r) % 2], CancellationToken.None);
            }
            catch (Exception e)
            {
                failures[t] = e;
            }
        })).ToArray();

        foreach (var thread in threads) thread.Start();
        start.Set();
        foreach (var thread in threads) thread.Join();

        Assert.All(failures, Assert.Null);
        for (var t = 0; t < Threads; t++)
        {
            for (var r = 0; r < RunsPerThread; r++)
            {
                var want = expected[(t + r) % 2];
                Assert.Equal(want.Data, outputs[t, r].Data);
                Assert.Equal(want.Metadata["shape"], outputs[t, r].Metadata["shape"]);
                Assert.Equal(want.Units, outputs[t, r].Units);
            }
        }
    }

    [Fact]
    public void Run_EightParallelTasks_AllSucceed()
    {
        var input = Tensors.Input("1,3,8,8", Tensors.ToBytes(Tensors.RandomImage(8, 8, seed: 33)));
        var expected = fixture.Model.Run(input, CancellationToken.None);

        var results = new PipelineOutput[Threads];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i => results[i] = fixture.Model.Run(input, CancellationToken.None));

        Assert.All(results, r => Assert.Equal(expected.Data, r.Data));
    }
}
