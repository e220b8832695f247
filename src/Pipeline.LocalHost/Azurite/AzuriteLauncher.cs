using Microsoft.Extensions.Options;

namespace Pipeline.LocalHost.Azurite;

/// <summary>
/// Makes sure the storage a connection string names is there: uses an emulator that already answers, or installs
/// and starts the repository's pinned Azurite on those ports.
/// </summary>
public sealed class AzuriteLauncher(IOptions<AzuriteOptions> options, ILogger<AzuriteLauncher> logger)
{
    /// <param name="connectionString">The storage connection string; only emulator strings on this machine start anything.</param>
    /// <param name="connectionName">The setting the connection string came from, for messages.</param>
    /// <param name="locationRoot">The folder a relative <see cref="AzuriteOptions.Location"/> is resolved against.</param>
    /// <exception cref="AzuriteException">The endpoints are taken by something else, or Azurite could not start.</exception>
    public async Task<AzuriteLease> EnsureRunningAsync(
        string? connectionString, string connectionName, string locationRoot, CancellationToken cancellationToken = default)
    {
        if (!AzuriteEndpoints.TryParse(connectionString, out var endpoints))
        {
            return AzuriteLease.NotLocal(connectionName);
        }

        var blob = await StorageEndpointProbe.ProbeAsync(endpoints.Blob, cancellationToken);
        if (blob.AnswersHttp)
        {
            // The blob trigger keeps its work items in queues; a blob-only emulator would fail later and less clearly.
            if (!await StorageEndpointProbe.IsListeningAsync(endpoints.Queue, cancellationToken))
            {
                throw new AzuriteException(
                    $"Storage answers at {endpoints.Blob.Authority} but nothing listens for queues at {endpoints.Queue.Authority}, " +
                    "and the blob trigger needs queues. Run full Azurite (not azurite-blob), or stop what runs there so the host can start Azurite.");
            }

            logger.LogInformation("Found {Server} at {BlobEndpoint}", blob.Server, endpoints.Blob.Authority);
            return AzuriteLease.Found(blob);
        }

        if (blob.Listening)
        {
            throw new AzuriteException(
                $"Something that is not Azure Storage listens at {endpoints.Blob.Authority}. " +
                $"Stop it, or point '{connectionName}' at other ports.");
        }

        if (!options.Value.AutoStart)
        {
            throw new AzuriteException(
                $"No storage at {endpoints.Blob.Authority}, and '{AzuriteOptions.SectionName}:AutoStart' is false. " +
                "Start Azurite yourself, or let the host start it.");
        }

        var location = Path.GetFullPath(options.Value.Location, locationRoot);
        logger.LogInformation("No storage at {BlobEndpoint}; starting Azurite with data in {Location}", endpoints.Blob.Authority, location);
        var process = await AzuriteProcess.StartAsync(
            new AzuriteStartOptions
            {
                Location = location,
                Endpoints = endpoints,
                StartTimeout = options.Value.StartTimeout,
                Progress = line => logger.LogInformation("{Progress}", line),
            },
            cancellationToken);
        logger.LogInformation(
            "Started Azurite {Version} (pid {ProcessId}) at {Endpoints}", process.Version, process.ProcessId, AzuriteProcess.Describe(process.Endpoints));
        return AzuriteLease.Started(process);
    }
}
