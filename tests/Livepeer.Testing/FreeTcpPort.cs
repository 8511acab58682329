using System.Net;
using System.Net.Sockets;

namespace Livepeer.Testing;

/// <summary>Finds loopback TCP ports that nothing listens on, for servers started by tests.</summary>
public static class FreeTcpPort
{
    /// <summary>
    /// Returns a port on 127.0.0.1 that was free a moment ago: the operating system picks it for a
    /// listener that is closed again at once. Another process may still take it before the caller
    /// binds it, so callers that can should retry with a new port when binding fails.
    /// </summary>
    /// <returns>A port number in the ephemeral range.</returns>
    public static int Next()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // No SO_REUSEADDR and an immediate close: the port is released without lingering in TIME_WAIT
        // because no connection was ever accepted on it.
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
