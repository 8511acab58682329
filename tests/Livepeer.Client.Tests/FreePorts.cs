using System.Net;
using System.Net.Sockets;

namespace Livepeer.Client.Tests;

/// <summary>Loopback ports nobody listens on, for throwaway silos.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
