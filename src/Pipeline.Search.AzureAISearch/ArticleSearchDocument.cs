namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// The shape of one document in the Azure AI Search index (property names serialize camelCase, as
/// <see cref="Core.Search.ArticleFieldNames"/> spells them). The full article travels along as JSON so
/// <c>GetAsync</c> needs no second store.
/// </summary>
internal sealed class ArticleSearchDocument
{
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public IReadOnlyList<string> Authors { get; set; } = [];

    public IReadOnlyList<string> Tags { get; set; } = [];

    public DateTimeOffset? Published { get; set; }

    public string? Language { get; set; }

    /// <summary>As <see cref="Core.Search.ArticleFieldNames.Source"/> defines it; null at the container root.</summary>
    public string? Source { get; set; }

    public string? SiteName { get; set; }

    /// <summary>As <see cref="Core.Search.ArticleFieldNames.FormatOf"/> spells it.</summary>
    public string? Format { get; set; }

    public IReadOnlyList<string> Keyphrases { get; set; } = [];

    public string? Fingerprint { get; set; }

    public string? Summary { get; set; }

    public string ArticleJson { get; set; } = "";

    public bool Undated { get; set; }

    /// <summary>The source blob's ETag; null in documents written before the field existed.</summary>
    public string? SourceETag { get; set; }

    public DateTimeOffset? SourceModified { get; set; }
}
