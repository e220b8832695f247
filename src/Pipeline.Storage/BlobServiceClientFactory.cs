using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Storage;

/// <summary>
/// Builds the <see cref="BlobServiceClient"/> from the same settings the Functions host reads for its triggers,
/// so one setting configures both: a connection string locally, managed identity in Azure.
/// </summary>
public static class BlobServiceClientFactory
{
    public static BlobServiceClient Create(IConfiguration configuration, BlobStorageOptions options)
    {
        var connectionName = options.ConnectionName;
        var connectionString = configuration[connectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new BlobServiceClient(connectionString);
        }

        var section = configuration.GetSection(connectionName);
        var serviceUri = section["blobServiceUri"] ?? section["serviceUri"];
        var accountName = section["accountName"];
        if (serviceUri is null && accountName is not null)
        {
            // Only an account name: the host name depends on the cloud, which the suffix option names.
            serviceUri = $"https://{accountName}.blob.{options.EndpointSuffix}";
        }

        if (serviceUri is null)
        {
            throw new InvalidOperationException(
                $"No storage configured: set '{connectionName}' to a connection string (locally 'UseDevelopmentStorage=true'), " +
                $"or '{connectionName}__blobServiceUri' / '{connectionName}__accountName' for managed identity.");
        }

        return new BlobServiceClient(new Uri(serviceUri), CreateCredential(section));
    }

    private static TokenCredential CreateCredential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        if (!string.IsNullOrEmpty(clientId))
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
    }
}
