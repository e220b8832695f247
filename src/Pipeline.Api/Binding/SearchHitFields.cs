namespace Pipeline.Api.Binding;

/// <summary>
/// The properties of a search hit as JSON spells them: what <c>select</c> may name. <c>*</c> selects all of them.
/// </summary>
public static class SearchHitFields
{
    public const string All = "*";

    public static IReadOnlyList<string> Selectable { get; } =
        ["id", "title", "score", "authors", "published", "snippet", "tags", "language", "source", "siteName", "format", "summary", "highlights"];
}
