namespace Livepeer.Contracts;

/// <summary>The key of a job grain: <c>{orchestrator}/{jobId}/{modelId}</c>, so placement can read the model without a request context.</summary>
/// <param name="Orchestrator">Orchestrator address.</param>
/// <param name="JobId">Job id (no '/').</param>
/// <param name="ModelId">Model id (may contain '/').</param>
public readonly record struct JobKey(string Orchestrator, string JobId, string ModelId)
{
    /// <summary>The grain key string.</summary>
    public override string ToString() => $"{Orchestrator}/{JobId}/{ModelId}";

    /// <summary>Parses a key written by <see cref="ToString"/>.</summary>
    public static bool TryParse(string key, out JobKey jobKey)
    {
        jobKey = default;
        var first = key.IndexOf('/', StringComparison.Ordinal);
        if (first <= 0) return false;
        var second = key.IndexOf('/', first + 1);
        if (second <= first + 1 || second == key.Length - 1) return false;
        jobKey = new JobKey(key[..first], key[(first + 1)..second], key[(second + 1)..]);
        return true;
    }
}
