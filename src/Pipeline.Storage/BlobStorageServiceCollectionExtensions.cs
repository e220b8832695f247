using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;
using Pipeline.Shared;

namespace Pipeline.Storage;

public static class BlobStorageServiceCollectionExtensions
{
    /// <summary>
    /// The section under <c>Pipeline:Storage</c> that holds Azure.Core's retry options for storage calls; the defaults
    /// are the shared budget (<see cref="AzureRetryBudget"/>). A try of a blob that still fails is counted and the blob
    /// delivered again later, up to <c>Pipeline:Ingest:MaxAttempts</c> (see <see cref="AzureTransientFaultDetector"/>).
    /// </summary>
    public const string RetrySectionName = BlobStorageOptions.SectionName + ":Retry";

    /// <summary>
    /// Registers the blob service client (through <c>AddAzureClients</c>, with the shared credential and storage's
    /// retry budget), the blob containers, the blob-backed source, article and rejection stores, and Azure fault detection.
    /// </summary>
    public static IServiceCollection AddPipelineBlobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BlobStorageOptions>().Bind(configuration.GetSection(BlobStorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlobStorageOptions>>(new BlobStorageOptionsValidator(configuration)));
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(sp => StorageConnection.CreateCredential(configuration, sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value));
            clients.AddClient<BlobServiceClient, BlobClientOptions>((clientOptions, credential, sp) =>
                    StorageConnection.CreateClient(configuration, sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value, clientOptions, credential))
                .ConfigureOptions(clientOptions => AzureRetryBudget.Apply(clientOptions.Retry, configuration.GetSection(RetrySectionName)));
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<IAzureClientFactory<BlobServiceClient>>().CreateClient("Default"));
        services.TryAddSingleton<BlobContainers>();
        services.TryAddSingleton<INormalizedArticleStore, BlobNormalizedArticleStore>();
        services.TryAddSingleton<IRejectionStore, BlobRejectionStore>();
        services.TryAddSingleton<IArticleSourceStore, BlobArticleSourceStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITransientFaultDetector, AzureTransientFaultDetector>());
        return services;
    }
}
