using System.Net;
using System.Net.Sockets;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>Loopback ports free right now (the OS picks them), for the silo and gateway endpoints.</summary>
internal static class FreeTcpPorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
