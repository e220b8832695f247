namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// The shape of one document in the Azure AI Search index. Searchable fields mirror the embedded index; the full
/// article travels along as JSON so <c>GetAsync</c> needs no second store.
/// </summary>
internal sealed class ArticleSearchDocument
{
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public IReadOnlyList<string> Authors { get; set; } = [];

    public DateTimeOffset? Published { get; set; }

    public string? Language { get; set; }

    public string Format { get; set; } = "";

    public string Source { get; set; } = "";

    public string ArticleJson { get; set; } = "";
}
