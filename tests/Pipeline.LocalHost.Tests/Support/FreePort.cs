using System.Net;
using System.Net.Sockets;

namespace Pipeline.LocalHost.Tests.Support;

public static class FreePort
{
    /// <summary>A loopback port nobody listens on right now. Only for tests that need a fixed port or a closed one.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
