namespace Livepeer.Host.Hosting;

/// <summary>The host's configuration is wrong; the message names the key.</summary>
public sealed class LivepeerConfigurationException(string message) : Exception(message);
