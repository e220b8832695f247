using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Pipeline.Core.Enrichment;

namespace Pipeline.Core.Normalization.Html;

/// <summary>
/// The scoring pass, our own: finds the block that holds the article on the parsed page, after page furniture is
/// marked. Blocks whose class or id names furniture are left out (Readability's "unlikely candidates"); every
/// paragraph gives its parent and ancestors a score for its length and commas, weighted by how much of it is prose
/// (jusText's stop-word density, so a list of product names or a menu scores low in any of the languages the
/// function-word lists cover); a block's score is then discounted by the share of its text inside links. The best
/// block is taken with the siblings that score close to it, or the <c>&lt;article&gt;</c> around it when that holds
/// little else, or, when the article is split across boxes, the block holding the most prose net of boilerplate.
/// Readability's conditional cleaning then drops link, image, form and embed boxes inside the choice.
/// </summary>
/// <remarks>
/// The statistics of every element are gathered in one walk over the tree, so scoring costs one pass and edits
/// nothing; the choice marks what cleaning removed only once it is taken (<see cref="ContainerChoice.MarkRemoved"/>).
/// A choice is <see cref="ContainerChoice.Uncertain"/> when a block outside it scores close to it or its own score is
/// low; the normalizer then asks SmartReader instead.
/// </remarks>
internal static partial class ArticleContainer
{
    // A paragraph shorter than this is a label, a date or a button, and says nothing about where the article is.
    private const int MinParagraphLength = 25;

    // Ancestors further than this from a paragraph get nothing from it.
    private const int MaxAncestorLevels = 5;

    // A sibling joins the article when it scores this share of the best block (or the floor below).
    private const double SiblingShare = 0.2;
    private const double MinSiblingScore = 10;

    // A box holding more than this share of the article block's text is part of the article, whatever its class says.
    private const double MaxCleanedShare = 0.25;

    // The choice is uncertain when a block outside it scores this share of it (a second article, a split layout)…
    private const double RivalShare = 0.4;

    // …or when the best block scores this little (a page of short lines, a layout table).
    private const double MinConfidentScore = 25;

    // An <article> element around the chosen parts is taken whole when they hold this share of its text.
    private const double MinArticleShare = 0.7;

    // The best block must hold this share of the prose of the block around it that holds the most prose net of
    // boilerplate; otherwise the article is split across boxes and that block is taken instead.
    private const double SplitShare = 0.6;

    // A page whose words are at least this share function words is in a language the lists cover.
    private const double CoveredStopWordShare = 0.08;

    // Running text in the languages the function-word lists cover is about this share function words; a block of
    // names, prices or menu items far less.
    private const double ProseStopWordShare = 0.3;

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video", "audio",
        "picture", "img", "button", "input", "select", "textarea", "option", "head", "title", "meta", "link", "map", "form",
    };

    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins", "strike", "tt", "nobr",
    };

    /// <summary>The elements holding the article, in document order, or null when no block holds prose.</summary>
    public static ContainerChoice? Find(IDocument document)
    {
        if (document.Body is not { } body)
        {
            return null;
        }

        var scan = new Scan();
        scan.Measure(body);
        if (scan.Candidates.Count == 0)
        {
            return null;
        }

        IElement? top = null;
        var topScore = double.MinValue;
        foreach (var (element, candidate) in scan.Candidates)
        {
            candidate.Final = candidate.Score * (1 - scan.Shapes[element].Stats.LinkDensity);
            if (candidate.Final > topScore)
            {
                topScore = candidate.Final;
                top = element;
            }
        }

        top = ClimbToAncestor(top!, scan, body);

        var parts = WithSiblings(top, scan);
        var uncertain = false;
        if (SplitArticle(parts, scan) is { } whole)
        {
            parts = [whole];
            uncertain = true;
        }
        else if (EnclosingArticle(parts, scan) is { } article)
        {
            parts = [article];
        }

        // Compared with the best block itself: a rival is a block outside it (and not around it) scoring close to it.
        var chosen = top;
        var chosenScore = scan.Candidates.TryGetValue(top, out var tc) ? tc.Final : topScore;
        uncertain |= chosenScore < MinConfidentScore
            || scan.Candidates.Any(c => c.Value.Final >= chosenScore * RivalShare && !c.Key.Contains(chosen) && !chosen.Contains(c.Key));

        var removed = new List<IElement>(scan.Unlikely.Where(u => parts.Any(p => p.Contains(u))));
        foreach (var part in parts)
        {
            CleanConditionally(part, scan, removed);
        }

        // The lead a page sets in a box of its own above the body belongs to the article, though it scores apart.
        var lead = Standfirst.Find(parts, removed);
        if (lead is not null)
        {
            parts.Insert(0, lead);
        }

        return new ContainerChoice(parts, removed) { Uncertain = uncertain, Lead = lead };
    }

    /// <summary>
    /// Readability's two corrections: several strong blocks under one ancestor are parts of one article split by the
    /// page's layout (take the ancestor); a parent scoring above its best child holds more of the article.
    /// </summary>
    private static IElement ClimbToAncestor(IElement top, Scan scan, IElement body)
    {
        var topScore = scan.Candidates[top].Final;
        var rivals = scan.Candidates
            .Where(c => c.Key != top && c.Value.Final >= topScore * 0.75)
            .OrderByDescending(c => c.Value.Final)
            .Take(4)
            .Select(c => c.Key)
            .ToList();
        if (rivals.Count >= 3)
        {
            for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
            {
                if (rivals.Count(r => parent.Contains(r)) >= 3)
                {
                    top = parent;
                    break;
                }
            }
        }

        var lastScore = scan.Candidates.TryGetValue(top, out var c0) ? c0.Final : topScore;
        var threshold = lastScore / 3;
        for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
        {
            if (!scan.Candidates.TryGetValue(parent, out var candidate))
            {
                continue;
            }

            if (candidate.Final < threshold)
            {
                break;
            }

            if (candidate.Final > lastScore)
            {
                top = parent;
                break;
            }

            lastScore = candidate.Final;
        }

        while (top.ParentElement is { } only && only != body && only.Children.Length == 1)
        {
            top = only;
        }

        return top;
    }

    private static List<IElement> WithSiblings(IElement top, Scan scan)
    {
        if (top.ParentElement is not { } parent || top.LocalName is "body")
        {
            return [top];
        }

        var topScore = scan.Candidates.TryGetValue(top, out var t) ? t.Final : 0;
        var threshold = Math.Max(MinSiblingScore, topScore * SiblingShare);
        var parts = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                parts.Add(sibling);
                continue;
            }

            if (sibling.HasAttribute(PageFurniture.Attribute) || !scan.Shapes.TryGetValue(sibling, out var stats) || stats.Text == 0)
            {
                continue;
            }

            var bonus = !string.IsNullOrEmpty(top.ClassName) && sibling.ClassName == top.ClassName ? topScore * SiblingShare : 0;
            if (scan.Candidates.TryGetValue(sibling, out var candidate) && candidate.Final + bonus >= threshold)
            {
                parts.Add(sibling);
            }
            else if (sibling.LocalName is "p")
            {
                var density = stats.Stats.LinkDensity;
                if ((stats.Text > 80 && density < 0.25) || (stats.Text is > 0 and <= 80 && density == 0 && SentenceEnd().IsMatch(sibling.TextContent)))
                {
                    parts.Add(sibling);
                }
            }
        }

        return parts;
    }

    /// <summary>
    /// Readability's conditional cleaning inside the article block: a box with few commas goes when it is mostly
    /// links, mostly images, a form, an embed, or a sliver of text, unless its class names it as content.
    /// </summary>
    private static void CleanConditionally(IElement element, Scan scan, List<IElement> removed, int partText = -1)
    {
        if (partText < 0)
        {
            partText = scan.Shapes.TryGetValue(element, out var totals) ? totals.Text : 0;
        }

        foreach (var child in element.Children)
        {
            if (!scan.Shapes.TryGetValue(child, out var shape))
            {
                continue;
            }

            var name = child.LocalName;
            var isList = name is "ul" or "ol";
            // A box holding only running text is a paragraph to Readability (it turns such a div into a p), not a box.
            var isParagraph = scan.Units.TryGetValue(child, out var unit) && unit.Leaf;
            // A box is furniture around the article, never most of it: the body itself is not cleaned away.
            var cleanable = (isList || (!isParagraph && name is "div" or "section" or "form" or "fieldset" or "aside" or "header" or "table"))
                && shape.Text <= partText * MaxCleanedShare;
            if (cleanable && ShouldClean(child, shape, isList))
            {
                removed.Add(child);
                continue;
            }

            if (!isList)
            {
                CleanConditionally(child, scan, removed, partText);
            }
        }
    }

    private static bool ShouldClean(IElement element, Totals shape, bool isList)
    {
        var weight = ClassWeight(element);
        if (weight < 0)
        {
            return true;
        }

        if (shape.Commas >= 10)
        {
            return false;
        }

        // A data table is content; only layout tables (no header cells) are judged as boxes.
        if (element.LocalName == "table" && element.QuerySelector("th, caption") is not null)
        {
            return false;
        }

        var linkDensity = shape.Stats.LinkDensity;
        var headingDensity = shape.Text == 0 ? 0 : (double)shape.HeadingText / shape.Text;
        var inFigure = element.Closest("figure") is not null;
        return (shape.Images > 1 && shape.Paragraphs < shape.Images * 0.5 && !inFigure)
            || (!isList && shape.Items - 100 > shape.Paragraphs)
            || (shape.Inputs > shape.Paragraphs / 3)
            || (!isList && headingDensity < 0.9 && shape.Text < 25 && (shape.Images == 0 || shape.Images > 2) && !inFigure)
            || (!isList && weight < 25 && linkDensity > 0.2)
            || (weight >= 25 && linkDensity > 0.5)
            || (shape.Embeds == 1 && shape.Text < 75) || shape.Embeds > 1;
    }

    private static bool IsUnlikely(IElement element)
    {
        if (element.LocalName is "a" or "article" or "main" or "body" or "table" or "tbody" or "tr" or "td" or "code" or "pre")
        {
            return false;
        }

        var names = $"{element.Id} {element.ClassName}";
        return names.Length > 1 && UnlikelyName().IsMatch(names) && !MaybeName().IsMatch(names) && element.Closest("table, code") is null;
    }

    [GeneratedRegex(@"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote", RegexOptions.IgnoreCase)]
    private static partial Regex UnlikelyName();

    [GeneratedRegex(@"and|article|body|column|content|main|shadow", RegexOptions.IgnoreCase)]
    private static partial Regex MaybeName();

    private static double TagWeight(IElement element) => element.LocalName switch
    {
        "div" or "article" or "main" => 5,
        "pre" or "td" or "blockquote" or "section" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" or "header" => -5,
        _ => 0,
    };

    private static double ClassWeight(IElement element)
    {
        var names = $"{element.Id} {element.ClassName}";
        if (names.Length <= 1)
        {
            return 0;
        }

        var weight = 0.0;
        if (Negative().IsMatch(names))
        {
            weight -= 25;
        }

        if (Positive().IsMatch(names))
        {
            weight += 25;
        }

        return weight;
    }

    [GeneratedRegex(@"\.( |$)")]
    private static partial Regex SentenceEnd();

    // Readability's class and id hints, with the names trafilatura adds for article bodies.
    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|artikel|beitrag|inhalt|texto|contenido|tresc|articolo", RegexOptions.IgnoreCase)]
    private static partial Regex Positive();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|navi|menu|breadcrumb|cookie|newsletter|social", RegexOptions.IgnoreCase)]
    private static partial Regex Negative();

    private sealed class Candidate(double score)
    {
        public double Score { get; set; } = score;

        public double Final { get; set; }
    }

    /// <summary>
    /// The page's own statement: an <c>&lt;article&gt;</c> element around the chosen parts that holds little else is
    /// the article, with the headline block, standfirst and lead it sets beside the body.
    /// </summary>
    private static IElement? EnclosingArticle(List<IElement> parts, Scan scan)
    {
        var article = parts[0].Closest("article");
        if (article is null || !parts.All(article.Contains) || !scan.Shapes.TryGetValue(article, out var stats))
        {
            return null;
        }

        var partsText = parts.Sum(p => scan.Shapes.TryGetValue(p, out var s) ? s.Text : 0);
        return partsText >= stats.Text * MinArticleShare ? article : null;
    }

    /// <summary>
    /// The check against an article the page's layout splits into several columns or boxes (each scoring below the
    /// best one): the block holding the most prose net of boilerplate, when it contains the chosen parts and they hold
    /// too little of its prose.
    /// </summary>
    private static IElement? SplitArticle(List<IElement> parts, Scan scan)
    {
        var pageWords = 0;
        var pageStop = 0;
        foreach (var (_, (unit, _)) in scan.Units)
        {
            pageWords += unit.Words;
            pageStop += unit.StopWords;
        }

        var covered = pageWords > 50 && pageStop >= pageWords * CoveredStopWordShare;
        var net = new Dictionary<IElement, int>();
        var good = new Dictionary<IElement, int>();
        foreach (var (element, (unit, _)) in scan.Units)
        {
            var value = Classify(unit, covered);
            if (value == 0)
            {
                continue;
            }

            for (var e = element; e is not null && e.LocalName != "body"; e = e.ParentElement)
            {
                net[e] = net.GetValueOrDefault(e) + value;
                if (value > 0)
                {
                    good[e] = good.GetValueOrDefault(e) + value;
                }
            }
        }

        IElement? best = null;
        var bestNet = 0;
        foreach (var (element, value) in net)
        {
            if (value > bestNet || (value == bestNet && best is not null && best.Contains(element)))
            {
                best = element;
                bestNet = value;
            }
        }

        if (best is null || !parts.All(best.Contains) || parts.Contains(best))
        {
            return null;
        }

        var partsGood = parts.Sum(p => good.GetValueOrDefault(p));
        return partsGood < good.GetValueOrDefault(best) * SplitShare ? best : null;
    }

    /// <summary>
    /// jusText's paragraph classes as a signed text length: positive for prose (long enough, few links, function words
    /// as running text has them), negative for boilerplate (mostly links, or a line without function words: a menu,
    /// names, prices), zero for what cannot be told (short lines, text in a language the lists do not cover that is
    /// neither long nor link-free). jusText's own thresholds, in characters.
    /// </summary>
    private static int Classify(Totals unit, bool covered)
    {
        var linkDensity = unit.Stats.LinkDensity;
        if (linkDensity > 0.5)
        {
            return -unit.Text;
        }

        if (unit.Text < 40)
        {
            return 0;
        }

        if (covered && unit.Words >= 5)
        {
            var stopShare = (double)unit.StopWords / unit.Words;
            if (stopShare >= 0.15 && linkDensity < 0.3)
            {
                return unit.Text;
            }

            if (stopShare < 0.08)
            {
                return unit.Text >= 200 ? 0 : -unit.Text;
            }

            return unit.Text >= 150 && linkDensity < 0.2 ? unit.Text : 0;
        }

        return unit.Text >= 80 && linkDensity < 0.2 ? unit.Text : 0;
    }

    /// <summary>Text length, link text length, words, function words and commas of a subtree.</summary>
    internal readonly record struct Totals(
        int Text, int Links, int Words, int StopWords, int Commas,
        int Paragraphs = 0, int Images = 0, int Items = 0, int Inputs = 0, int Embeds = 0, int HeadingText = 0)
    {
        public Stats Stats => new(Text, Links);

        public Totals Add(Totals other) =>
            new(Text + other.Text, Links + other.Links, Words + other.Words, StopWords + other.StopWords, Commas + other.Commas,
                Paragraphs + other.Paragraphs, Images + other.Images, Items + other.Items, Inputs + other.Inputs,
                Embeds + other.Embeds, HeadingText + other.HeadingText);
    }

    internal readonly record struct Stats(int Text, int LinkText)
    {
        public double LinkDensity => Text == 0 ? 0 : Math.Min(1, (double)LinkText / Text);
    }

    /// <summary>One walk over the tree: text and link lengths per element, and paragraph scores given to ancestors.</summary>
    private sealed class Scan
    {
        public Dictionary<IElement, Candidate> Candidates { get; } = [];

        /// <summary>The totals of every measured element's subtree (its text and link lengths among them).</summary>
        public Dictionary<IElement, Totals> Shapes { get; } = [];

        /// <summary>Blocks left out of scoring because their class or id names page furniture.</summary>
        public List<IElement> Unlikely { get; } = [];

        /// <summary>
        /// Every block's own running text: a paragraph (<c>Leaf</c>), or the loose text of a block that also holds blocks.
        /// </summary>
        public Dictionary<IElement, (Totals Text, bool Leaf)> Units { get; } = [];

        /// <summary>Gathers the totals of every element below <paramref name="element"/> and scores the paragraphs.</summary>
        public void Measure(IElement element) => Walk(element);

        private Totals Walk(IElement element)
        {
            var all = default(Totals);
            var direct = default(Totals);
            var hasBlockChild = false;
            foreach (var child in element.ChildNodes)
            {
                if (child is IText node)
                {
                    var measured = MeasureText(node.Data);
                    all = all.Add(measured);
                    direct = direct.Add(measured);
                    continue;
                }

                if (child is not IElement childElement)
                {
                    continue;
                }

                if (Skipped.Contains(childElement.LocalName))
                {
                    all = childElement.LocalName switch
                    {
                        "img" or "picture" => all with { Images = all.Images + 1 },
                        "input" or "select" or "textarea" => all with { Inputs = all.Inputs + 1 },
                        "iframe" or "object" or "embed" => all with { Embeds = all.Embeds + 1 },
                        _ => all,
                    };
                    continue;
                }

                if (childElement.HasAttribute(PageFurniture.Attribute) || HiddenElement.IsHidden(childElement))
                {
                    continue;
                }

                if (IsUnlikely(childElement))
                {
                    Unlikely.Add(childElement);
                    continue;
                }

                var totals = Walk(childElement);
                all = all.Add(totals);
                if (Inline.Contains(childElement.LocalName))
                {
                    // Inline children are part of this element's own running text.
                    direct = direct.Add(totals);
                }
                else
                {
                    hasBlockChild = true;
                }
            }

            if (element.LocalName == "a" && element.GetAttribute("href") is { } href && !href.TrimStart().StartsWith('#'))
            {
                all = all with { Links = all.Text };
            }

            all = element.LocalName switch
            {
                "p" => all with { Paragraphs = all.Paragraphs + 1 },
                "li" => all with { Items = all.Items + 1 },
                "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => all with { HeadingText = all.Text },
                _ => all,
            };
            Shapes[element] = all;

            // A block without block children is a paragraph and scores its ancestors, as Readability scores a div it
            // turns into a p; a block that mixes running text with blocks scores itself and its ancestors.
            if (!Inline.Contains(element.LocalName))
            {
                if (!hasBlockChild && all.Text >= MinParagraphLength)
                {
                    Score(element.ParentElement, all);
                }
                else if (hasBlockChild && direct.Text >= MinParagraphLength)
                {
                    Score(element, direct);
                }

                var unit = hasBlockChild ? direct : all;
                if (unit.Text > 0)
                {
                    Units[element] = (unit, !hasBlockChild);
                }
            }

            return all;
        }

        private void Score(IElement? first, Totals paragraph)
        {
            var score = 1 + paragraph.Commas + Math.Min(paragraph.Text / 100, 3);

            // Prose in a covered language is a third function words; a line of names or prices is not prose. Text in
            // other scripts or languages gets the neutral weight.
            var prose = paragraph.Words >= 8 && paragraph.StopWords > 0
                ? Math.Min(1.5, 0.5 + ((double)paragraph.StopWords / paragraph.Words / ProseStopWordShare))
                : 1.0;
            var weighted = score * prose * (1 - paragraph.Stats.LinkDensity);

            var level = 0;
            for (var ancestor = first; ancestor is not null && level < MaxAncestorLevels; ancestor = ancestor.ParentElement, level++)
            {
                if (ancestor.LocalName is "body" or "html")
                {
                    break;
                }

                if (!Candidates.TryGetValue(ancestor, out var candidate))
                {
                    candidate = new Candidate(TagWeight(ancestor) + ClassWeight(ancestor));
                    Candidates[ancestor] = candidate;
                }

                candidate.Score += weighted / (level switch { 0 => 1, 1 => 2, _ => level * 3 });
            }
        }

        private static Totals MeasureText(string data)
        {
            var length = 0;
            var words = 0;
            var stopWords = 0;
            var commas = 0;
            var space = false;
            Span<char> lower = stackalloc char[16];
            var i = 0;
            while (i < data.Length)
            {
                var c = data[i];
                if (char.IsWhiteSpace(c))
                {
                    space = length > 0;
                    i++;
                    continue;
                }

                length += space ? 2 : 1;
                space = false;
                if (c is ',' or '，' or '、' or '،')
                {
                    commas++;
                }

                if (char.IsLetter(c))
                {
                    var start = i;
                    while (i + 1 < data.Length && char.IsLetter(data[i + 1]))
                    {
                        i++;
                        length++;
                    }

                    words++;
                    var word = data.AsSpan(start, i - start + 1);
                    if (word.Length <= lower.Length && FunctionWordGuess.IsFunctionWord(lower[..word.ToLowerInvariant(lower)]))
                    {
                        stopWords++;
                    }
                }

                i++;
            }

            return new Totals(length, 0, words, stopWords, commas);
        }
    }
}

/// <param name="Parts">The elements that hold the article, in document order.</param>
/// <param name="Removed">Blocks inside the parts that are page furniture, for the body builder to skip.</param>
internal sealed record ContainerChoice(IReadOnlyList<IElement> Parts, IReadOnlyList<IElement> Removed)
{
    /// <summary>Another block scored close to the chosen one, or the article looked split: a second opinion helps.</summary>
    public bool Uncertain { get; init; }

    /// <summary>The lead box taken with the parts (the first of them), which the page may have marked as a teaser.</summary>
    public IElement? Lead { get; init; }

    private const string Cleaned = "cleaned";

    // The lead was marked as a teaser before it was taken; its mark is lifted while the choice stands.
    private bool _leadWasFurniture;

    /// <summary>Marks the removed blocks as furniture, once the choice is taken.</summary>
    public void MarkRemoved()
    {
        if (Lead?.GetAttribute(PageFurniture.Attribute) is { Length: 0 })
        {
            Lead.RemoveAttribute(PageFurniture.Attribute);
            _leadWasFurniture = true;
        }

        foreach (var element in Removed)
        {
            element.SetAttribute(PageFurniture.Attribute, Cleaned);
        }
    }

    /// <summary>Takes the marks back, when the choice is dropped for SmartReader's.</summary>
    public void UnmarkRemoved()
    {
        if (_leadWasFurniture)
        {
            Lead!.SetAttribute(PageFurniture.Attribute, string.Empty);
            _leadWasFurniture = false;
        }

        foreach (var element in Removed)
        {
            if (element.GetAttribute(PageFurniture.Attribute) == Cleaned)
            {
                element.RemoveAttribute(PageFurniture.Attribute);
            }
        }
    }
}
