using System.Net.Sockets;

namespace Pipeline.LocalHost.Azurite;

/// <summary>What answered at an endpoint.</summary>
/// <param name="Listening">Something accepts TCP connections there.</param>
/// <param name="Server">The HTTP <c>Server</c> header, such as <c>Azurite-Blob/3.37.0</c>; null when there was no HTTP answer.</param>
public sealed record EndpointProbeResult(Uri Endpoint, bool Listening, string? Server)
{
    public bool IsAzurite => Server?.StartsWith("Azurite", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Any HTTP answer counts as storage: the Azure Storage emulator and proxies do not say Azurite.</summary>
    public bool AnswersHttp => Server is not null;
}

/// <summary>Checks whether something already serves an endpoint, without credentials.</summary>
public static class StorageEndpointProbe
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(3);

    public static async Task<bool> IsListeningAsync(Uri endpoint, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public static async Task<EndpointProbeResult> ProbeAsync(Uri endpoint, CancellationToken cancellationToken = default)
    {
        if (!await IsListeningAsync(endpoint, cancellationToken))
        {
            return new EndpointProbeResult(endpoint, Listening: false, Server: null);
        }

        // An anonymous GET of the service root is refused by storage, but the refusal names the server.
        using var http = new HttpClient { Timeout = HttpTimeout };
        try
        {
            using var response = await http.GetAsync(endpoint, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var server = response.Headers.Server.Count > 0 ? response.Headers.Server.ToString() : "unknown";
            return new EndpointProbeResult(endpoint, Listening: true, server);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new EndpointProbeResult(endpoint, Listening: true, Server: null);
        }
    }
}
