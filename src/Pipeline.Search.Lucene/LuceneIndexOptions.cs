namespace Pipeline.Search.Lucene;

/// <summary>Where the embedded index lives. Bound from the <c>Pipeline:Lucene</c> configuration section.</summary>
public sealed class LuceneIndexOptions
{
    public const string SectionName = "Pipeline:Lucene";

    public const string DefaultIndexPath = ".data/index";

    /// <summary>The index folder; a relative path is resolved against the current directory. Created when missing.</summary>
    public string IndexPath { get; set; } = DefaultIndexPath;
}
