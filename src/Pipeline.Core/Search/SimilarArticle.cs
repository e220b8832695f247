namespace Pipeline.Core.Search;

/// <param name="SharedTerms">Why it is similar: the terms that drove the match.</param>
public sealed record SimilarArticle(string Id, string Title, double Score, IReadOnlyList<string> SharedTerms);
