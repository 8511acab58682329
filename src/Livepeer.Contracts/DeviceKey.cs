namespace Livepeer.Contracts;

/// <summary>The key of a device grain: <c>{workerId}/{index}</c>.</summary>
/// <param name="WorkerId">The worker the device belongs to.</param>
/// <param name="Index">Device index on that worker.</param>
public readonly record struct DeviceKey(string WorkerId, int Index)
{
    /// <summary>The grain key string.</summary>
    public override string ToString() => $"{WorkerId}/{Index}";

    /// <summary>Parses a key written by <see cref="ToString"/>.</summary>
    public static bool TryParse(string key, out DeviceKey deviceKey)
    {
        deviceKey = default;
        var slash = key.LastIndexOf('/');
        if (slash <= 0 || !int.TryParse(key.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            return false;
        deviceKey = new DeviceKey(key[..slash], index);
        return true;
    }
}
