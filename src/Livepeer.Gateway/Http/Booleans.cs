namespace Livepeer.Gateway.Http;

/// <summary>Pydantic's lax booleans: true/false, 1/0, yes/no, on/off, t/f, y/n, in any case.</summary>
internal static class Booleans
{
    public static bool TryParse(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on" or "t" or "y":
                value = true;
                return true;
            case "false" or "0" or "no" or "off" or "f" or "n":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
