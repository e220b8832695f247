namespace Pipeline.Core.Articles;

/// <summary>An editorial link to another story, as the source page listed it.</summary>
/// <param name="Title">The headline text.</param>
/// <param name="Url">The link target when the source had one.</param>
public sealed record RelatedLink(string Title, string? Url = null);
