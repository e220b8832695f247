namespace Pipeline.Hosting.Search;

/// <summary>Which search backend serves the index. Bound from <c>Pipeline:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Pipeline:Search";

    public SearchBackend Backend { get; set; } = SearchBackend.Lucene;
}
