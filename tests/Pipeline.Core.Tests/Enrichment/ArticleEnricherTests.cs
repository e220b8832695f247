using Pipeline.Core.Articles;
using Pipeline.Core.Enrichment;
using Pipeline.Core.Normalization;
using Pipeline.Testing;

namespace Pipeline.Core.Tests.Enrichment;

public sealed class ArticleEnricherTests
{
    private static readonly DateTimeOffset Now = new(2025, 7, 21, 9, 30, 0, TimeSpan.Zero);

    private static readonly SourceDocument Source = new("news/budget approved.txt", new byte[] { 1 }, "text/plain", "\"0x8DD\"");

    private static readonly NormalizedArticle Budget = new()
    {
        Format = ArticleFormat.PlainText,
        Title = "Budget approved",
        Authors = ["Jane Doe"],
        Sections =
        [
            new ArticleSection(null, ["The council approved the budget.", "It takes effect in April."]),
            new ArticleSection("What comes next", ["A second vote is due in the spring."]),
        ],
        Related = [new RelatedLink("Council tax to rise")],
    };

    private static Article Enrich(NormalizedArticle normalized, SourceDocument? source = null, int part = 0) =>
        new ArticleEnricher(new ManualClock(Now)).Enrich(normalized, source ?? Source, part);

    [Fact]
    public void Takes_id_from_blob_name()
    {
        var article = Enrich(Budget);

        Assert.Equal(ArticleId.FromBlobName(Source.Name), article.Id);
        Assert.StartsWith("budget-approved-", article.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Gives_each_part_of_one_source_its_own_id()
    {
        Assert.NotEqual(Enrich(Budget, part: 0).Id, Enrich(Budget, part: 1).Id);
    }

    [Fact]
    public void Names_an_article_whose_source_states_no_title_after_its_first_words()
    {
        var untitled = Budget with
        {
            Title = string.Empty,
            Sections = [new ArticleSection(null, ["• Regarding item 11111, under sufficiently extreme conditions, quarks may become deconfined and exist as free particles."])],
        };

        var article = Enrich(untitled);

        Assert.Equal("Regarding item 11111, under sufficiently extreme conditions, quarks may become…", article.Title);
    }

    [Fact]
    public void Names_an_article_whose_source_states_no_title_after_its_first_heading()
    {
        var article = Enrich(Budget with { Title = string.Empty });

        Assert.Equal("What comes next", article.Title);
    }

    [Fact]
    public void Joins_headings_and_paragraphs_into_body_in_reading_order()
    {
        var article = Enrich(Budget);

        Assert.Equal("The council approved the budget.\n\nIt takes effect in April.\n\nWhat comes next\n\nA second vote is due in the spring.", article.Body);
    }

    [Fact]
    public void Counts_words_of_body_headings_included()
    {
        Assert.Equal(21, Enrich(Budget).WordCount);
    }

    [Fact]
    public void Keeps_source_metadata_and_ingest_time()
    {
        var article = Enrich(Budget);

        Assert.Equal(new ArticleOrigin(Source.Name, Source.ETag, Source.ContentType), article.Source);
        Assert.Equal(Now, article.IngestedAt);
        Assert.Equal(Budget.Authors, article.Authors);
        Assert.Equal(Budget.Related, article.Related);
    }

    [Fact]
    public void Content_hash_is_stable_for_the_same_content()
    {
        var first = Enrich(Budget);
        var second = new ArticleEnricher(new ManualClock(Now.AddDays(1))).Enrich(Budget with { }, Source with { ETag = "\"other\"" });

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", first.ContentHash);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("authors")]
    [InlineData("heading")]
    [InlineData("paragraph")]
    [InlineData("related")]
    public void Content_hash_changes_when_content_changes(string change)
    {
        var changed = change switch
        {
            "title" => Budget with { Title = "Budget rejected" },
            "authors" => Budget with { Authors = ["John Roe"] },
            "heading" => Budget with { Sections = [Budget.Sections[0], Budget.Sections[1] with { Heading = "Next steps" }] },
            "paragraph" => Budget with { Sections = [Budget.Sections[0] with { Paragraphs = ["The council rejected the budget."] }, Budget.Sections[1]] },
            "related" => Budget with { Related = [new RelatedLink("Council tax to rise", "https://example.com/tax")] },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.NotEqual(Enrich(Budget).ContentHash, Enrich(changed).ContentHash);
    }

    [Fact]
    public void Guesses_english_when_the_source_declares_no_language()
    {
        Assert.Equal("en", Enrich(Budget).Language);
    }

    [Fact]
    public void Keeps_the_language_the_source_declares()
    {
        Assert.Equal("de", Enrich(Budget with { Language = "de" }).Language);
    }

    [Fact]
    public void Adds_reading_time_summary_keyphrases_and_fingerprint()
    {
        var article = Enrich(Budget);

        Assert.Equal(1, article.ReadingTimeMinutes);
        Assert.Equal("The council approved the budget. It takes effect in April. A second vote is due in the spring.", article.Summary);
        Assert.Equal("budget", article.Keyphrases[0]);
        Assert.Equal(ContentFingerprint.Compute(Budget.Sections.SelectMany(s => s.Paragraphs)), article.Fingerprint);
    }

    [Fact]
    public void Enriches_the_seed_sample()
    {
        var article = EnrichmentInput.Enrich(EnrichmentInput.Seed(), "ukraine-peace-talks.txt");

        Assert.Equal("en", article.Language);
        Assert.Equal(TextStatistics.ReadingMinutes(article.WordCount), article.ReadingTimeMinutes);
        Assert.InRange(article.ReadingTimeMinutes, 2, 3);
        Assert.StartsWith("Ukrainian President Volodymyr Zelenskyy recently invited China", article.Summary, StringComparison.Ordinal);
        Assert.Contains("peace talks", article.Keyphrases);
        Assert.Matches("^[0-9a-f]{16}$", article.Fingerprint);
    }

    [Fact]
    public void Leaves_an_article_without_body_text_without_summary_or_reading_time()
    {
        var article = Enrich(Budget with { Sections = [] });

        Assert.Equal(0, article.WordCount);
        Assert.Equal(0, article.ReadingTimeMinutes);
        Assert.Null(article.Summary);
        Assert.Equal(ContentFingerprint.Empty, article.Fingerprint);
    }
}
