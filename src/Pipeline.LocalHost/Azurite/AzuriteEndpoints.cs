namespace Pipeline.LocalHost.Azurite;

/// <summary>
/// The blob, queue and table endpoints of a storage emulator, read from a storage connection string.
/// </summary>
public sealed record AzuriteEndpoints(Uri Blob, Uri Queue, Uri Table)
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator account key Microsoft publishes for Azurite; it protects nothing and is the same everywhere.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const int DefaultBlobPort = 10000;
    public const int DefaultQueuePort = 10001;
    public const int DefaultTablePort = 10002;

    /// <summary>The endpoints <c>UseDevelopmentStorage=true</c> stands for.</summary>
    public static AzuriteEndpoints Default { get; } = OnLoopback("127.0.0.1", DefaultBlobPort, DefaultQueuePort, DefaultTablePort);

    /// <summary>A connection string any Azure Storage client accepts for these endpoints.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={Blob}{AccountName};QueueEndpoint={Queue}{AccountName};TableEndpoint={Table}{AccountName};";

    public static AzuriteEndpoints OnLoopback(string host, int blobPort, int queuePort, int tablePort) =>
        new(ServiceRoot(host, blobPort), ServiceRoot(host, queuePort), ServiceRoot(host, tablePort));

    /// <summary>
    /// Reads the endpoints of a connection string that points at an emulator on this machine
    /// (<c>UseDevelopmentStorage=true</c>, or explicit endpoints on a loopback address).
    /// </summary>
    /// <returns>False for anything else, such as a connection string for an account in Azure.</returns>
    public static bool TryParse(string? connectionString, out AzuriteEndpoints endpoints)
    {
        endpoints = Default;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        var settings = ParseSettings(connectionString);
        if (settings.TryGetValue("UseDevelopmentStorage", out var useDevelopmentStorage) &&
            bool.TryParse(useDevelopmentStorage, out var isDevelopmentStorage) && isDevelopmentStorage)
        {
            if (settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy) && Uri.TryCreate(proxy, UriKind.Absolute, out var proxyUri))
            {
                endpoints = OnLoopback(proxyUri.Host, DefaultBlobPort, DefaultQueuePort, DefaultTablePort);
                return proxyUri.IsLoopback;
            }

            return true;
        }

        if (!TryGetLoopbackRoot(settings, "BlobEndpoint", out var blob))
        {
            return false;
        }

        // Blob-only connection strings are common; the queue and table ports then follow Azurite's layout.
        var queue = TryGetLoopbackRoot(settings, "QueueEndpoint", out var q) ? q : ServiceRoot(blob.Host, blob.Port + 1);
        var table = TryGetLoopbackRoot(settings, "TableEndpoint", out var t) ? t : ServiceRoot(blob.Host, blob.Port + 2);
        endpoints = new AzuriteEndpoints(blob, queue, table);
        return true;
    }

    private static Dictionary<string, string> ParseSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals > 0)
            {
                settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }

        return settings;
    }

    private static bool TryGetLoopbackRoot(Dictionary<string, string> settings, string key, out Uri root)
    {
        root = null!;
        if (!settings.TryGetValue(key, out var value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || !uri.IsLoopback)
        {
            return false;
        }

        root = ServiceRoot(uri.Host, uri.Port);
        return true;
    }

    private static Uri ServiceRoot(string host, int port) => new UriBuilder(Uri.UriSchemeHttp, host, port).Uri;
}
