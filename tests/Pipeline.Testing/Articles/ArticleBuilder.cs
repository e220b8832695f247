using System.Security.Cryptography;
using System.Text;
using Pipeline.Core.Articles;

namespace Pipeline.Testing.Articles;

/// <summary>
/// Builds valid <see cref="Article"/>s for tests with only the parts a test cares about spelled out:
/// <c>ArticleBuilder.Article("flood-1").WithTitle("River floods").WithBody("Water rose overnight.").Build()</c>.
/// </summary>
public sealed class ArticleBuilder
{
    /// <summary>A fixed ingest time keeps built articles identical from run to run.</summary>
    public static readonly DateTimeOffset DefaultIngestedAt = new(2025, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private readonly string _id;
    private readonly List<ArticleSection> _sections = [];
    private readonly List<string> _authors = [];
    private readonly List<RelatedLink> _related = [];
    private readonly List<string> _tags = [];
    private readonly List<string> _keyphrases = [];
    // Neutral defaults: words from the id in a default title or body would make articles match searches by accident.
    private string _title = "Untitled";
    private DateTimeOffset? _published;
    private string? _language = "en";
    private ArticleOrigin? _source;
    private ArticleFormat _format = ArticleFormat.PlainText;
    private string? _siteName;
    private string? _summary;
    private string _fingerprint = "0000000000000000";

    private ArticleBuilder(string id) => _id = id;

    public static ArticleBuilder Article(string id) => new(id);

    public ArticleBuilder WithTitle(string title)
    {
        _title = title;
        return this;
    }

    /// <summary>The untitled lead section; one paragraph per argument.</summary>
    public ArticleBuilder WithBody(params string[] paragraphs)
    {
        _sections.RemoveAll(section => section.Heading is null);
        _sections.Insert(0, new ArticleSection(null, paragraphs));
        return this;
    }

    /// <summary>A further section; its heading is not part of <see cref="Core.Articles.Article.Body"/>.</summary>
    public ArticleBuilder WithSection(string heading, params string[] paragraphs)
    {
        _sections.Add(new ArticleSection(heading, paragraphs));
        return this;
    }

    public ArticleBuilder WithAuthors(params string[] authors)
    {
        _authors.AddRange(authors);
        return this;
    }

    public ArticleBuilder PublishedAt(DateTimeOffset published)
    {
        _published = published;
        return this;
    }

    public ArticleBuilder WithRelated(params RelatedLink[] links)
    {
        _related.AddRange(links);
        return this;
    }

    public ArticleBuilder WithLanguage(string? language)
    {
        _language = language;
        return this;
    }

    public ArticleBuilder WithSource(ArticleOrigin source)
    {
        _source = source;
        return this;
    }

    /// <summary>The blob the article came from; its top folder is the article's source ("bbc" for "bbc/tech/001.txt").</summary>
    public ArticleBuilder FromBlob(string blobName) => WithSource(new ArticleOrigin(blobName));

    public ArticleBuilder WithFormat(ArticleFormat format)
    {
        _format = format;
        return this;
    }

    public ArticleBuilder WithTags(params string[] tags)
    {
        _tags.AddRange(tags);
        return this;
    }

    public ArticleBuilder WithSiteName(string siteName)
    {
        _siteName = siteName;
        return this;
    }

    /// <summary>The lead summary; by default an article has none.</summary>
    public ArticleBuilder WithSummary(string summary)
    {
        _summary = summary;
        return this;
    }

    public ArticleBuilder WithKeyphrases(params string[] keyphrases)
    {
        _keyphrases.AddRange(keyphrases);
        return this;
    }

    /// <summary>The SimHash as 16 hex digits; by default all zeros.</summary>
    public ArticleBuilder WithFingerprint(string fingerprint)
    {
        _fingerprint = fingerprint;
        return this;
    }

    public Article Build()
    {
        var sections = _sections.Count > 0 ? _sections.ToList() : [new ArticleSection(null, ["No body text."])];
        var body = string.Join("\n\n", sections.SelectMany(section => section.Paragraphs));
        return new Article
        {
            Id = _id,
            Source = _source ?? new ArticleOrigin($"{_id}.txt", ContentType: "text/plain"),
            Format = _format,
            Title = _title,
            Authors = _authors.ToList(),
            Published = _published,
            Sections = sections,
            Body = body,
            Related = _related.ToList(),
            Language = _language,
            SiteName = _siteName,
            Tags = _tags.ToList(),
            Summary = _summary,
            Keyphrases = _keyphrases.ToList(),
            Fingerprint = _fingerprint,
            WordCount = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{_title}\n{body}"))),
            IngestedAt = DefaultIngestedAt,
        };
    }
}
