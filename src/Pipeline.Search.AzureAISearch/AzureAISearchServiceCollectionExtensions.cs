using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Serialization;
using Azure.Identity;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Core.Search;
using Pipeline.Shared;

namespace Pipeline.Search.AzureAISearch;

public static class AzureAISearchServiceCollectionExtensions
{
    /// <summary>Registers Azure AI Search as the <see cref="IArticleIndex"/>, configured from <c>Pipeline:AzureAISearch</c>.</summary>
    public static IServiceCollection AddAzureAISearchArticleIndex(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AzureAISearchOptions>()
            .Bind(configuration.GetSection(AzureAISearchOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureAISearchOptions>>(new AzureAISearchOptionsValidator(configuration)));
        services.AddAzureClients(clients =>
            clients.AddClient<SearchIndexClient, SearchClientOptions>((clientOptions, credential, sp) =>
                    CreateIndexClient(sp.GetRequiredService<IOptions<AzureAISearchOptions>>().Value, clientOptions, credential))
                .ConfigureOptions(clientOptions => AzureRetryBudget.Apply(clientOptions.Retry, configuration.GetSection(RetrySectionName))));
        services.AddSingleton<IArticleIndex>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureAISearchOptions>>().Value;
            return new AzureAISearchArticleIndex(
                sp.GetRequiredService<IAzureClientFactory<SearchIndexClient>>().CreateClient("Default"),
                options.IndexName,
                sp.GetRequiredService<ILogger<AzureAISearchArticleIndex>>());
        });
        return services;
    }

    /// <summary>
    /// The section under <c>Pipeline:AzureAISearch</c> that holds Azure.Core's retry options for search calls; the
    /// defaults are the shared budget (<see cref="AzureRetryBudget"/>).
    /// </summary>
    public const string RetrySectionName = AzureAISearchOptions.SectionName + ":Retry";

    /// <summary>
    /// The index client: an admin key when one is configured, else the user-assigned identity the options name, else
    /// <paramref name="credential"/>, the one the Azure clients share (<see cref="DefaultAzureCredential"/> when none is given).
    /// </summary>
    internal static SearchIndexClient CreateIndexClient(AzureAISearchOptions options, SearchClientOptions? clientOptions = null, TokenCredential? credential = null)
    {
        clientOptions ??= new SearchClientOptions();
        clientOptions.Serializer = new JsonObjectSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var endpoint = options.Endpoint ?? throw new InvalidOperationException($"'{AzureAISearchOptions.SectionName}:Endpoint' is not set.");
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            return new SearchIndexClient(endpoint, new AzureKeyCredential(options.ApiKey), clientOptions);
        }

        credential = string.IsNullOrEmpty(options.ManagedIdentityClientId)
            ? credential ?? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        return new SearchIndexClient(endpoint, credential, clientOptions);
    }
}
