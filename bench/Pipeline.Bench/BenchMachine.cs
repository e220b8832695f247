using System.Net;
using System.Net.Sockets;

namespace Pipeline.Bench;

/// <summary>What the benches read from the machine they run on.</summary>
internal static class BenchMachine
{
    /// <summary>The 1, 5 and 15 minute load averages, recorded with every result: the cores are shared, so a load above the core count means the figures are pessimistic.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>A loopback port no one listens on now, for a host the bench starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
