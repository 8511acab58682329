namespace Livepeer.Storage.Tests;

internal static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test with <paramref name="what"/> on timeout.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                last = ex;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for: {what}.{(last is null ? string.Empty : " Last error: " + last)}");
            }

            await Task.Delay(100);
        }
    }
}
