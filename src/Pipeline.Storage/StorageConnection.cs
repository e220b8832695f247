using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Pipeline.Core.Configuration;

namespace Pipeline.Storage;

/// <summary>
/// Reads the storage connection the way the Functions host reads it for its triggers, so one setting configures both:
/// a connection string (locally <c>UseDevelopmentStorage=true</c>), or identity-based settings
/// (<c>{name}__blobServiceUri</c>, or <c>{name}__accountName</c> with the cloud's endpoint suffix, and
/// <c>{name}__clientId</c> / <c>{name}__credential</c> for the identity).
/// </summary>
public static partial class StorageConnection
{
    /// <summary>Builds the client with the options and credential that <c>AddAzureClients</c> hands over.</summary>
    public static BlobServiceClient CreateClient(IConfiguration configuration, BlobStorageOptions options, BlobClientOptions clientOptions, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = configuration[options.ConnectionName];
        return string.IsNullOrWhiteSpace(connectionString)
            ? new BlobServiceClient(ServiceUri(configuration, options), credential, clientOptions)
            : new BlobServiceClient(connectionString, clientOptions);
    }

    /// <summary>
    /// The one credential the Azure clients share: the user-assigned identity the connection names, the system-assigned
    /// one when it says <c>managedidentity</c>, otherwise <see cref="DefaultAzureCredential"/> (signed-in developer
    /// tools locally, managed identity in Azure). Unused with a connection string.
    /// </summary>
    public static TokenCredential CreateCredential(IConfiguration configuration, BlobStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection(options.ConnectionName);
        var clientId = section["clientId"];
        if (!string.IsNullOrEmpty(clientId))
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
    }

    /// <summary>
    /// Checks the connection <paramref name="connectionName"/> names, as far as can be told without calling storage: a
    /// connection string storage can read, a service URL that is an absolute URL, an account name storage accepts.
    /// </summary>
    /// <param name="checks">Checks of top-level keys, which the connection's are.</param>
    internal static void Check(IConfiguration configuration, string connectionName, SettingChecks checks)
    {
        var connectionString = configuration[connectionName];
        if (!string.IsNullOrWhiteSpace(connectionString) && ConnectionStringError(connectionString) is { } error)
        {
            // Not the value itself: a connection string may hold an account key.
            checks.Reject(connectionName, $"must be a storage connection string ({error})");
        }

        var section = configuration.GetSection(connectionName);
        foreach (var key in (string[])["blobServiceUri", "serviceUri"])
        {
            checks.HttpUrl($"{connectionName}:{key}", section[key]);
        }

        var accountName = section["accountName"];
        checks.Require(
            accountName is null || AccountNamePattern().IsMatch(accountName),
            $"{connectionName}:accountName",
            "must be a storage account name: 3 to 24 lower-case letters and digits",
            accountName);
    }

    private static string? ConnectionStringError(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return ex.Message;
        }
    }

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountNamePattern();

    private static Uri ServiceUri(IConfiguration configuration, BlobStorageOptions options)
    {
        var connectionName = options.ConnectionName;
        var section = configuration.GetSection(connectionName);
        var serviceUri = section["blobServiceUri"] ?? section["serviceUri"];
        if (serviceUri is null && section["accountName"] is { } accountName)
        {
            // Only an account name: the host name depends on the cloud, which the suffix option names.
            serviceUri = $"https://{accountName}.blob.{options.EndpointSuffix}";
        }

        return serviceUri is null
            ? throw new InvalidOperationException(
                $"No storage configured: set '{connectionName}' to a connection string (locally 'UseDevelopmentStorage=true'), " +
                $"or '{connectionName}__blobServiceUri' / '{connectionName}__accountName' for managed identity.")
            : new Uri(serviceUri);
    }
}
