using System.Net;
using System.Net.Sockets;

namespace Pipeline.Cli.Tests;

/// <summary><c>search</c>, <c>show</c> and <c>related</c> read the pipeline API; without one they say how to start it.</summary>
public sealed class QueryCommandTests
{
    [Theory]
    [InlineData("search", "ceasefire")]
    [InlineData("show", "some-article")]
    [InlineData("related", "some-article")]
    public async Task Without_a_running_API_exits_with_3_and_says_how_to_start_it(string command, string argument)
    {
        var api = $"http://127.0.0.1:{FreePort()}";

        var run = await CliRun.RunAsync(command, argument, "--api", api);

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Contains($"no pipeline API at {api}/", run.Error, StringComparison.Ordinal);
        Assert.Contains("-- run", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
