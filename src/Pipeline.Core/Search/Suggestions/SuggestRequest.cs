using Pipeline.Core.Search.Filtering;

namespace Pipeline.Core.Search.Suggestions;

/// <summary>Title suggestions for what a user has typed so far (search-as-you-type).</summary>
/// <param name="Text">The partial input; its last word may be incomplete.</param>
/// <param name="Top">How many suggestions.</param>
public sealed record SuggestRequest(string Text, int Top = SuggestRequest.DefaultTop)
{
    public const int DefaultTop = 5;
    public const int MaxTop = 50;

    /// <summary>Tolerate a typo per word (edit distance 1), as Azure AI Search's <c>fuzzy=true</c>.</summary>
    public bool Fuzzy { get; init; }

    public FilterExpression? Filter { get; init; }

    public string PreTag { get; init; } = HighlightRequest.DefaultPreTag;

    public string PostTag { get; init; } = HighlightRequest.DefaultPostTag;
}

/// <param name="Text">The title with the matched words between the pre and post tags, the rest HTML-escaped.</param>
public sealed record Suggestion(string Id, string Title, string Text);
