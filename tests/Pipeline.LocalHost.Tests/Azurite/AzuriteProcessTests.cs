using System.Net;
using System.Net.Sockets;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Tests.Support;

namespace Pipeline.LocalHost.Tests.Azurite;

public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task Starts_on_free_ports_answers_and_stops()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TemporaryDirectory("azurite-process");

        var azurite = await AzuriteProcess.StartAsync(new AzuriteStartOptions { Location = data.Path, UseFreePorts = true, StartTimeout = TimeSpan.FromMinutes(2) }, ct);
        var endpoints = azurite.Endpoints;
        EndpointProbeResult blob;
        bool queueListening, tableListening;
        try
        {
            blob = await StorageEndpointProbe.ProbeAsync(endpoints.Blob, ct);
            queueListening = await StorageEndpointProbe.IsListeningAsync(endpoints.Queue, ct);
            tableListening = await StorageEndpointProbe.IsListeningAsync(endpoints.Table, ct);
        }
        finally
        {
            await azurite.DisposeAsync();
        }

        Assert.NotEqual(0, endpoints.Blob.Port);
        Assert.Equal($"Azurite-Blob/{azurite.Version}", blob.Server);
        Assert.True(queueListening, $"queue endpoint {endpoints.Queue} did not answer");
        Assert.True(tableListening, $"table endpoint {endpoints.Table} did not answer");
        Assert.Contains($"BlobEndpoint=http://127.0.0.1:{endpoints.Blob.Port}/devstoreaccount1;", azurite.ConnectionString);
        Assert.True(azurite.HasExited);
        Assert.False(await StorageEndpointProbe.IsListeningAsync(endpoints.Blob, ct), "blob port still open after stop");
        Assert.False(await StorageEndpointProbe.IsListeningAsync(endpoints.Queue, ct), "queue port still open after stop");
        Assert.False(await StorageEndpointProbe.IsListeningAsync(endpoints.Table, ct), "table port still open after stop");
    }

    [Fact]
    public async Task Explains_a_failed_start_with_Azurites_own_output()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TemporaryDirectory("azurite-taken");
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var takenPort = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<AzuriteException>(() => AzuriteProcess.StartAsync(
            new AzuriteStartOptions
            {
                Location = data.Path,
                Endpoints = AzuriteEndpoints.OnLoopback("127.0.0.1", takenPort, FreePort.Next(), FreePort.Next()),
                StartTimeout = TimeSpan.FromMinutes(2),
            },
            ct));

        Assert.Contains($"127.0.0.1:{takenPort}", error.Message);
        Assert.Contains("EADDRINUSE", error.Message);
    }
}
