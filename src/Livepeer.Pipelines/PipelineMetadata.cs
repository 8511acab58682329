using System.Globalization;

namespace Livepeer.Pipelines;

/// <summary>How pipelines write the values of <see cref="PipelineOutput.Metadata"/>.</summary>
internal static class PipelineMetadata
{
    /// <summary>A duration in milliseconds, invariant culture, to the microsecond.</summary>
    public static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
}
