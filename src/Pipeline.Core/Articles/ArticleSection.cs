namespace Pipeline.Core.Articles;

/// <param name="Heading">Section heading, or null for the untitled lead section.</param>
/// <param name="Paragraphs">Body paragraphs in order, each one plain text.</param>
public sealed record ArticleSection(string? Heading, IReadOnlyList<string> Paragraphs);
