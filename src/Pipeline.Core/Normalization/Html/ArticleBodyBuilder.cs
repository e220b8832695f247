using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using Pipeline.Core.Articles;
using Pipeline.Core.Normalization.PlainText;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// Turns extracted article HTML into sections of plain-text paragraphs: headings start a section (except one that
/// repeats the title), and every block (<c>p</c>, <c>li</c>, <c>blockquote</c>, table cell, loose text between blocks)
/// becomes a paragraph. Inline markup is flattened, whitespace collapsed as a browser would, and <c>&lt;br&gt;</c> kept
/// as a line break (two in a row end the paragraph, which is how many pages write paragraphs).
/// </summary>
/// <remarks>List items keep a marker (see <see cref="ListMarker"/>).</remarks>
internal sealed class ArticleBodyBuilder
{
    // A heading covering this much of the start of the title is the title without its suffix.
    private const double MinTitleShare = 0.6;

    private static readonly FrozenSet<string> Blocks = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "legend", "listing");

    // Not text a reader sees: code, media, widgets and form controls.
    private static readonly FrozenSet<string> Skipped = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video", "audio",
        "picture", "img", "button", "input", "select", "textarea", "option", "head", "title", "meta", "link", "map");

    private readonly List<ArticleSection> _sections = [];
    private readonly StringBuilder _paragraph = new();
    private readonly string? _titleKey;
    private readonly BylineContext _byline;
    private List<string> _paragraphs = [];
    private string? _heading;
    private string? _itemMarker;
    private bool _pendingSpace;

    // Boilerplate was skipped since the current heading: a heading left without text introduced only boilerplate.
    private bool _skippedSinceHeading;

    // Index in _paragraphs of the last paragraph that may be a label introducing the next block, or -1.
    private int _labelIndex = -1;

    private ArticleBodyBuilder(string? title, BylineContext byline)
    {
        _titleKey = title is null ? null : TextKey(title);
        _byline = byline;
    }

    /// <param name="content">The element holding the article.</param>
    /// <param name="title">The article's title; a heading that repeats it is dropped.</param>
    /// <param name="byline">The author and date the metadata holds; a line repeating only them is dropped.</param>
    public static IReadOnlyList<ArticleSection> Build(IElement content, string? title, BylineContext? byline = null) =>
        Build([content], title, byline);

    /// <param name="parts">The elements holding the article, in document order (a body and the lead beside it).</param>
    /// <param name="title">The article's title; a heading that repeats it is dropped.</param>
    /// <param name="byline">The author and date the metadata holds; a line repeating only them is dropped.</param>
    public static IReadOnlyList<ArticleSection> Build(IReadOnlyList<IElement> parts, string? title, BylineContext? byline = null)
    {
        var builder = new ArticleBodyBuilder(title, byline ?? BylineContext.None);
        foreach (var part in parts)
        {
            if (parts.Count == 1)
            {
                builder.AppendChildren(part, preformatted: false);
            }
            else
            {
                builder.AppendElement(part, preformatted: false);
            }
        }

        builder.EndParagraph();
        builder.DropTrailingLabels();
        builder.StartSection(null);
        return builder._sections.Any(s => s.Paragraphs.Count > 0) ? builder._sections : HeadingsAsParagraphs(builder._sections);
    }

    /// <summary>
    /// A page whose only text is headings (a gallery, a list of section titles) still has text; read as lines, it
    /// keeps that text instead of becoming an article with an outline and no body.
    /// </summary>
    private static List<ArticleSection> HeadingsAsParagraphs(List<ArticleSection> sections) =>
        sections.Count == 0 ? [] : [new ArticleSection(null, [.. sections.Select(s => s.Heading!)])];

    private void AppendChildren(INode parent, bool preformatted)
    {
        foreach (var child in parent.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendText(text.Data, preformatted);
                    break;
                case IElement element:
                    AppendElement(element, preformatted);
                    break;
            }
        }
    }

    private void AppendElement(IElement element, bool preformatted)
    {
        var name = element.LocalName;
        if (Skipped.Contains(name) || HiddenElement.IsHidden(element))
        {
            return;
        }

        if (element.HasAttribute(RelatedLinksExtractor.BoxAttribute) || element.HasAttribute(PageFurniture.Attribute))
        {
            SkippedBoilerplate();
            return;
        }

        if (name == "br")
        {
            LineBreak();
            return;
        }

        if (HeadingLevel(name) is > 0 and var level)
        {
            // A heading that is all link is another story's headline (a teaser), not a subhead of this one.
            if (BlockQuality.IsLinkHeading(element))
            {
                SkippedBoilerplate();
                return;
            }

            var heading = LineText.CollapseWhitespace(element.TextContent);
            if (heading.Length > 0 && !(level <= 2 && RepeatsTitle(heading)))
            {
                StartSection(heading);
            }

            return;
        }

        if (!Blocks.Contains(name))
        {
            AppendChildren(element, preformatted);
            return;
        }

        if (!preformatted && BlockQuality.IsLinkBoilerplate(element))
        {
            SkippedBoilerplate();
            return;
        }

        EndParagraph();
        if (name == "li")
        {
            _itemMarker = ListMarker.For(element);
        }

        AppendChildren(element, preformatted || name is "pre" or "listing");
        EndParagraph();
        _itemMarker = null;
    }

    private void AppendText(string text, bool preformatted)
    {
        foreach (var c in text)
        {
            if (preformatted && c == '\n')
            {
                LineBreak();
            }
            else if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                // Whitespace collapses as in a browser: one space between words, none at the start of a line.
                _pendingSpace = _paragraph.Length > 0 && _paragraph[^1] != '\n';
            }
            else if (!char.IsControl(c))
            {
                if (_pendingSpace)
                {
                    _paragraph.Append(' ');
                    _pendingSpace = false;
                }

                _paragraph.Append(c);
            }
        }
    }

    private void LineBreak()
    {
        _pendingSpace = false;
        if (_paragraph.Length == 0)
        {
            return;
        }

        if (_paragraph[^1] == '\n')
        {
            // <br><br> separates paragraphs on pages that never use <p>.
            EndParagraph();
            return;
        }

        _paragraph.Append('\n');
    }

    private void EndParagraph()
    {
        var text = _paragraph.ToString().Trim();
        _paragraph.Clear();
        _pendingSpace = false;
        if (text.Any(char.IsLetterOrDigit) && !BlockQuality.IsByline(text, _byline.Authors, _byline.HasDate) && !BlockQuality.IsCredit(text))
        {
            _labelIndex = _itemMarker is null && BlockQuality.IsLabel(text) ? _paragraphs.Count : -1;
            _paragraphs.Add(_itemMarker is null ? text : _itemMarker + text);
            _itemMarker = null;
        }
    }

    /// <summary>
    /// A label at the very end ("Mehr Themen:", "Read next:", "Von:") introduces what the page set after the article
    /// (a teaser list, an author box) and was left out: it introduces nothing here.
    /// </summary>
    private void DropTrailingLabels()
    {
        while (_paragraphs.Count > 0 && _paragraphs[^1].EndsWith(':') && BlockQuality.IsLabel(_paragraphs[^1]))
        {
            _paragraphs.RemoveAt(_paragraphs.Count - 1);
        }
    }

    private void StartSection(string? heading)
    {
        EndParagraph();

        // A heading directly followed by another ("Part one" / "Chapter 1") still belongs to the outline, unless what
        // it introduced was skipped as boilerplate ("Related stories" over a list of links), or it ends the article.
        var introducedBoilerplate = _paragraphs.Count == 0
            && (_skippedSinceHeading || (heading is null && _sections.Any(s => s.Paragraphs.Count > 0)));
        if (_paragraphs.Count > 0 || (_heading is not null && !introducedBoilerplate))
        {
            _sections.Add(new ArticleSection(_heading, _paragraphs));
            _paragraphs = [];
        }

        _heading = heading;
        _skippedSinceHeading = false;
        _labelIndex = -1;
    }

    /// <summary>A block was left out as boilerplate; a label right before it ("Read more:") goes with it.</summary>
    private void SkippedBoilerplate()
    {
        EndParagraph();
        _skippedSinceHeading = true;
        if (_labelIndex >= 0 && _labelIndex == _paragraphs.Count - 1)
        {
            _paragraphs.RemoveAt(_labelIndex);
        }

        _labelIndex = -1;
    }

    /// <summary>
    /// True for the article's own headline printed above the text: the title itself, or the title without the
    /// site name or section appended to it ("Headline" under the title "Headline_Tech_Site").
    /// </summary>
    private bool RepeatsTitle(string heading)
    {
        if (_titleKey is null)
        {
            return false;
        }

        var key = TextKey(heading);
        return key == _titleKey || (_titleKey.StartsWith(key, StringComparison.Ordinal) && key.Length >= _titleKey.Length * MinTitleShare);
    }

    private static int HeadingLevel(string name) =>
        name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6' ? name[1] - '0' : 0;

    private static string TextKey(string text) => LineText.CollapseWhitespace(text).ToLowerInvariant();
}
