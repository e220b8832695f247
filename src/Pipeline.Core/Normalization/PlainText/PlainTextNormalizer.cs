using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.Text;

namespace Pipeline.Core.Normalization.PlainText;

/// <summary>
/// Normalizes a plain-text article: clean text files (title line, blank line, paragraphs, as in the BBC corpus) as
/// well as text scraped from a web page, which also carries avatar captions, bylines, a repeated title, share and
/// cookie furniture and a trailing "KEEP READING" list.
/// </summary>
/// <remarks>
/// The title is the first non-empty line that is not page furniture, kept exactly as written (trimmed).
/// Paragraphs are blocks separated by blank lines; the lines inside a block are hard wraps and are joined, except
/// list items, which stay one paragraph each with a "• " prefix (see <see cref="ListItemLine"/>). Each rule lives in a
/// small type of its own: <see cref="BylineParser"/>, <see cref="RelatedListExtractor"/>,
/// <see cref="ChromeLineFilter"/>, <see cref="HeadingDetector"/>.
/// </remarks>
public sealed class PlainTextNormalizer : IArticleNormalizer
{
    /// <summary>A first line longer than this is a paragraph, not a title.</summary>
    public const int MaxTitleLength = 300;

    public IReadOnlyList<NormalizedArticle> Normalize(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = TextCleaner.Clean(TextDecoder.Decode(source).Text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new NormalizationException(NormalizationErrorCode.Empty, $"'{source.Name}' holds only whitespace.");
        }

        return [Normalize(text, source.Name)];
    }

    /// <summary>Normalizes text that is already decoded and cleaned.</summary>
    internal static NormalizedArticle Normalize(string text, string sourceName)
    {
        var lines = text.Split('\n').ToList();
        var titleIndex = lines.FindIndex(line => !string.IsNullOrWhiteSpace(line) && !IsFurniture(line));
        if (titleIndex < 0)
        {
            throw new NormalizationException(NormalizationErrorCode.NoText, $"'{sourceName}' holds no article text.");
        }

        var title = lines[titleIndex].Trim();
        if (title.Length > MaxTitleLength || !title.Any(char.IsLetterOrDigit))
        {
            throw new NormalizationException(
                NormalizationErrorCode.NoTitle,
                $"'{sourceName}' has no usable title: its first line is {(title.Length > MaxTitleLength ? "a paragraph" : "not words")}.");
        }

        var body = lines[(titleIndex + 1)..];
        var authors = BylineParser.ExtractAuthors(body);
        RemoveRepeatedTitle(body, title);
        var related = RelatedListExtractor.Extract(body);
        RemoveChrome(body);

        var sections = BuildSections(TextBlock.Split(body));
        if (sections.Count == 0)
        {
            throw new NormalizationException(NormalizationErrorCode.NoText, $"'{sourceName}' has a title but no article text.");
        }

        return new NormalizedArticle
        {
            Format = ArticleFormat.PlainText,
            Title = title,
            Authors = authors,
            Sections = sections,
            Related = related,
        };
    }

    private static bool IsFurniture(string line) =>
        ChromeLineFilter.IsChrome(line) || BylineParser.IsEmptyByline(line) || BylineParser.TryParseAvatarCaption(line, out _);

    /// <summary>Scraped pages print the headline more than once (page title, then article header).</summary>
    private static void RemoveRepeatedTitle(List<string> lines, string title)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (LineText.SameText(lines[i], title))
            {
                lines[i] = string.Empty;
            }
        }
    }

    private static void RemoveChrome(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (ChromeLineFilter.IsChrome(lines[i]))
            {
                lines[i] = string.Empty;
            }
        }
    }

    private static List<ArticleSection> BuildSections(List<TextBlock> blocks)
    {
        var sections = new List<ArticleSection>();
        string? heading = null;
        var paragraphs = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var previous = i > 0 ? blocks[i - 1] : null;
            var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
            if (HeadingDetector.IsHeading(previous, blocks[i], next))
            {
                CloseSection();
                heading = blocks[i].Text;
                continue;
            }

            // Lines of only punctuation ("***", "•") are decoration between paragraphs, not text.
            paragraphs.AddRange(blocks[i].ToParagraphs().Where(p => p.Any(char.IsLetterOrDigit)));
        }

        CloseSection();
        return sections;

        void CloseSection()
        {
            if (paragraphs.Count > 0)
            {
                sections.Add(new ArticleSection(heading, paragraphs));
                paragraphs = [];
            }
        }
    }
}
