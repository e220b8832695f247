using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Pipeline.LocalHost.Hosting;
using Pipeline.LocalHost.Tests.Support;

namespace Pipeline.LocalHost.Tests.Http;

/// <summary>Locally the API asks for no key, so it must only be reachable from this machine.</summary>
public sealed class LocalBindingTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Default_address_is_localhost()
    {
        Assert.True(new Uri(LocalHostOptions.DefaultUrl).IsLoopback);
    }

    [Fact]
    public async Task Host_on_localhost_answers_on_loopback_and_refuses_the_machines_other_addresses()
    {
        var others = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily == AddressFamily.InterNetwork)
            .ToList();
        Assert.SkipWhen(others.Count == 0, "This machine has no address other than loopback to try.");
        var port = FreePort.Next();
        using var scope = new LocalHostScope { Urls = $"http://localhost:{port}" };

        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, scope, Ct);

        using (var loopback = new TcpClient())
        {
            await loopback.ConnectAsync(IPAddress.Loopback, port, Ct);
        }

        foreach (var address in others)
        {
            using var remote = new TcpClient();
            var refused = await Assert.ThrowsAsync<SocketException>(async () => await remote.ConnectAsync(address, port, Ct));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
    }
}
