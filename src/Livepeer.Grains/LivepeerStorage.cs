namespace Livepeer.Grains;

/// <summary>Names of the grain storage providers the grains use.</summary>
public static class LivepeerStorage
{
    /// <summary>The grain storage provider holding orchestrator (and later payment) state.</summary>
    public const string Name = "livepeer";
}
