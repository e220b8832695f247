using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Core.Ingestion;

namespace Pipeline.Storage;

public static class BlobStorageServiceCollectionExtensions
{
    /// <summary>Registers the blob containers and the blob-backed article and rejection stores.</summary>
    public static IServiceCollection AddPipelineBlobStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BlobStorageOptions>().Bind(configuration.GetSection(BlobStorageOptions.SectionName));
        services.TryAddSingleton(sp =>
            BlobServiceClientFactory.Create(configuration, sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value.ConnectionName));
        services.TryAddSingleton<BlobContainers>();
        services.TryAddSingleton<INormalizedArticleStore, BlobNormalizedArticleStore>();
        services.TryAddSingleton<IRejectionStore, BlobRejectionStore>();
        return services;
    }
}
