using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion;
using Pipeline.Core.Ingestion.Resilience;
using Pipeline.Core.Ingestion.Sources;

namespace Pipeline.Storage;

public static class BlobStorageServiceCollectionExtensions
{
    /// <summary>Registers the blob containers, the blob-backed source, article and rejection stores, and Azure fault detection.</summary>
    public static IServiceCollection AddPipelineBlobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BlobStorageOptions>().Bind(configuration.GetSection(BlobStorageOptions.SectionName));
        services.TryAddSingleton(sp =>
            BlobServiceClientFactory.Create(configuration, sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value));
        services.TryAddSingleton<BlobContainers>();
        services.TryAddSingleton<INormalizedArticleStore, BlobNormalizedArticleStore>();
        services.TryAddSingleton<IRejectionStore, BlobRejectionStore>();
        services.TryAddSingleton<IArticleSourceStore, BlobArticleSourceStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITransientFaultDetector, AzureTransientFaultDetector>());
        return services;
    }
}
