namespace Pipeline.Core.Search;

/// <param name="Query">Simple query syntax: terms, "phrases", -exclusion, prefix*. Empty or "*" matches everything.</param>
/// <param name="Top">Page size.</param>
/// <param name="Skip">Results to skip, for paging.</param>
public sealed record SearchRequest(string Query, int Top = SearchRequest.DefaultTop, int Skip = 0)
{
    public const int DefaultTop = 10;
    public const int MaxTop = 100;
}
