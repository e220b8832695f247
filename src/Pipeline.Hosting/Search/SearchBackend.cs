namespace Pipeline.Hosting.Search;

public enum SearchBackend
{
    /// <summary>Embedded Lucene.NET index on local disk; the default, needs no service.</summary>
    Lucene,

    /// <summary>Azure AI Search, for deployments in Azure.</summary>
    AzureAISearch,
}
