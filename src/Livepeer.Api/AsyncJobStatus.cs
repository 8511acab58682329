using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>
/// Where an asynchronous job stands: <c>{"status":"processing"}</c> (sent with <c>202</c>) or
/// <c>{"status":"complete","result":…}</c> (sent with <c>200</c>, whether the job succeeded or failed).
/// </summary>
/// <param name="Status"><see cref="Processing"/> or <see cref="Complete"/>.</param>
/// <param name="Result">The outcome once complete; absent while processing.</param>
public sealed record AsyncJobStatus(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("result"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AsyncJobResult? Result = null)
{
    /// <summary>The job is still running.</summary>
    public const string Processing = "processing";

    /// <summary>The job has finished; <see cref="Result"/> says how.</summary>
    public const string Complete = "complete";
}
