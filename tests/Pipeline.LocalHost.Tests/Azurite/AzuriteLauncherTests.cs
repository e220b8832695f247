using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pipeline.LocalHost.Azurite;
using Pipeline.LocalHost.Tests.Support;

namespace Pipeline.LocalHost.Tests.Azurite;

public sealed class AzuriteLauncherTests(AzuriteFixture running)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Uses_an_Azurite_that_already_answers()
    {
        await using var lease = await Launcher().EnsureRunningAsync(running.ConnectionString, "AzureWebJobsStorage", Path.GetTempPath(), Ct);

        Assert.Null(lease.StartedProcess);
        Assert.StartsWith($"Azurite {running.Azurite.Version} at 127.0.0.1:{running.Azurite.Endpoints.Blob.Port} (already running", lease.Description);
    }

    [Fact]
    public async Task Starts_Azurite_when_nothing_answers_and_stops_it_on_dispose()
    {
        using var data = new TemporaryDirectory("launcher");
        var endpoints = AzuriteEndpoints.OnLoopback("127.0.0.1", FreePort.Next(), FreePort.Next(), FreePort.Next());

        var lease = await Launcher(new AzuriteOptions { Location = "azurite-data" })
            .EnsureRunningAsync(endpoints.ConnectionString, "AzureWebJobsStorage", data.Path, Ct);
        bool answered;
        try
        {
            answered = (await StorageEndpointProbe.ProbeAsync(endpoints.Blob, Ct)).IsAzurite;
        }
        finally
        {
            await lease.DisposeAsync();
        }

        Assert.True(answered, $"nothing answered at {endpoints.Blob} after the launcher started Azurite");
        Assert.Equal(data.Combine("azurite-data"), lease.StartedProcess?.Location);
        Assert.Contains("(started here", lease.Description);
        Assert.False(await StorageEndpointProbe.IsListeningAsync(endpoints.Blob, Ct), "Azurite still listens after the lease was disposed");
    }

    [Fact]
    public async Task Does_not_start_Azurite_when_auto_start_is_off()
    {
        var endpoints = AzuriteEndpoints.OnLoopback("127.0.0.1", FreePort.Next(), FreePort.Next(), FreePort.Next());

        var error = await Assert.ThrowsAsync<AzuriteException>(() =>
            Launcher(new AzuriteOptions { AutoStart = false }).EnsureRunningAsync(endpoints.ConnectionString, "AzureWebJobsStorage", Path.GetTempPath(), Ct));

        Assert.Contains($"No storage at {endpoints.Blob.Authority}", error.Message);
        Assert.Contains("AutoStart", error.Message);
    }

    [Fact]
    public async Task Refuses_a_port_held_by_something_that_is_not_storage()
    {
        // Accepts connections and hangs up at once, as a service speaking another protocol might.
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var hangUps = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await squatter.AcceptTcpClientAsync(stop.Token);
            }
        }, stop.Token);
        var endpoints = AzuriteEndpoints.OnLoopback("127.0.0.1", port, FreePort.Next(), FreePort.Next());

        var error = await Assert.ThrowsAsync<AzuriteException>(() =>
            Launcher().EnsureRunningAsync(endpoints.ConnectionString, "AzureWebJobsStorage", Path.GetTempPath(), Ct));

        Assert.Contains($"Something that is not Azure Storage listens at 127.0.0.1:{port}", error.Message);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hangUps);
    }

    [Fact]
    public async Task Leaves_storage_that_is_not_an_emulator_alone()
    {
        await using var lease = await Launcher().EnsureRunningAsync(
            "DefaultEndpointsProtocol=https;AccountName=pipelineprod;AccountKey=a2V5;EndpointSuffix=core.windows.net", "AzureWebJobsStorage", Path.GetTempPath(), Ct);

        Assert.Null(lease.StartedProcess);
        Assert.Contains("not an emulator", lease.Description);
    }

    private static AzuriteLauncher Launcher(AzuriteOptions? options = null) =>
        new(Options.Create(options ?? new AzuriteOptions()), NullLogger<AzuriteLauncher>.Instance);
}
