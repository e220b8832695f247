using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Serialization;
using Azure.Identity;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Search;

namespace Pipeline.Search.AzureAISearch;

public static class AzureAISearchServiceCollectionExtensions
{
    /// <summary>Registers Azure AI Search as the <see cref="IArticleIndex"/>, configured from <c>Pipeline:AzureAISearch</c>.</summary>
    public static IServiceCollection AddAzureAISearchArticleIndex(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AzureAISearchOptions>()
            .Bind(configuration.GetSection(AzureAISearchOptions.SectionName))
            .Validate(o => o.Endpoint is not null, $"'{AzureAISearchOptions.SectionName}:Endpoint' is required for the Azure AI Search backend.")
            .ValidateOnStart();
        services.AddSingleton<IArticleIndex>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureAISearchOptions>>().Value;
            return new AzureAISearchArticleIndex(
                CreateIndexClient(options),
                options.IndexName,
                sp.GetRequiredService<ILogger<AzureAISearchArticleIndex>>());
        });
        return services;
    }

    internal static SearchIndexClient CreateIndexClient(AzureAISearchOptions options, SearchClientOptions? clientOptions = null)
    {
        clientOptions ??= new SearchClientOptions();
        clientOptions.Serializer = new JsonObjectSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var endpoint = options.Endpoint ?? throw new InvalidOperationException($"'{AzureAISearchOptions.SectionName}:Endpoint' is not set.");
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            return new SearchIndexClient(endpoint, new AzureKeyCredential(options.ApiKey), clientOptions);
        }

        TokenCredential credential = string.IsNullOrEmpty(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        return new SearchIndexClient(endpoint, credential, clientOptions);
    }
}
