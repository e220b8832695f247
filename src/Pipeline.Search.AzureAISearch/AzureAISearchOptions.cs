namespace Pipeline.Search.AzureAISearch;

/// <summary>Connection to an Azure AI Search service. Bound from <c>Pipeline:AzureAISearch</c>.</summary>
public sealed class AzureAISearchOptions
{
    public const string SectionName = "Pipeline:AzureAISearch";

    /// <summary>Service endpoint, e.g. <c>https://my-search.search.windows.net</c>.</summary>
    public Uri? Endpoint { get; set; }

    public string IndexName { get; set; } = "articles";

    /// <summary>Admin key. Leave empty to authenticate with Entra ID (managed identity in Azure).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty means the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }
}
