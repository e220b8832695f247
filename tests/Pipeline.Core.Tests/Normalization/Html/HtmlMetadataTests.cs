using static Pipeline.Core.Tests.Normalization.Html.HtmlInput;

namespace Pipeline.Core.Tests.Normalization.Html;

/// <summary>
/// Metadata precedence: JSON-LD, then OpenGraph/Twitter, then other meta tags, then what the page shows.
/// </summary>
public sealed class HtmlMetadataTests
{
    [Fact]
    public void Reads_title_byline_dates_and_site_name_of_a_guardian_article()
    {
        var article = Readability("guardian-1");

        Assert.Equal("'What is the sea telling us?': Māori tribes fearful over whale strandings | Eleanor Ainge Roy", article.Title);
        Assert.Equal(["Eleanor Ainge Roy"], article.Authors);
        Assert.Equal(DateTimeOffset.Parse("2019-01-03T07:00:02Z"), article.Published);
        Assert.Equal(DateTimeOffset.Parse("2019-01-16T11:16:23Z"), article.Modified);
        Assert.Equal("the Guardian", article.SiteName);
        Assert.Equal("https://www.theguardian.com/environment/2019/jan/03/what-is-the-sea-telling-us-maori-tribes-fearful-over-whale-strandings", article.CanonicalUrl);
        Assert.Equal("en", article.Language);
        Assert.StartsWith("https://i.guim.co.uk/img/media/", article.LeadImageUrl, StringComparison.Ordinal);
        Assert.StartsWith("New Zealand’s whale whisperers worry", article.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_publication_offset_a_bbc_article_states()
    {
        var article = Readability("bbc-1");

        Assert.Equal("Obama admits US gun laws are his 'biggest frustration'", article.Title);
        Assert.Equal("BBC News", article.SiteName);
        Assert.Equal(new DateTimeOffset(2015, 7, 24, 5, 36, 9, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal(TimeSpan.FromHours(1), article.Published!.Value.Offset);
    }

    [Fact]
    public void Takes_authors_and_publisher_from_json_ld_with_a_context_object()
    {
        var article = Readability("schema-org-context-object");

        Assert.Equal(["Stella Kim", "Jennifer Jett"], article.Authors);
        Assert.Equal("NBC News", article.SiteName);
        Assert.Equal(DateTimeOffset.Parse("2024-12-06T22:00:40Z"), article.Published);
    }

    [Fact]
    public void Reads_postlight_value_attributes_and_name_og_keys_as_meta_content()
    {
        // Postlight's fixtures were saved with <meta value="…" name="article:published_time"> instead of content=.
        var article = Postlight("www.nytimes.com");

        Assert.Equal(DateTimeOffset.Parse("2016-09-19T11:46:01Z"), article.Published);
        Assert.Equal(["Marc Santora", "William K. Rashbaum", "Al Baker", "Adam Goldman"], article.Authors);
        Assert.StartsWith("Ahmad Khan Rahami Is Arrested in Manhattan and New Jersey Bombings", article.Title, StringComparison.Ordinal);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Reads_open_graph_written_as_name_with_value()
    {
        var article = Normalize(Page(
            """<meta name="og:title" value="Value Attribute Title"><meta name="og:site_name" value="Example Daily"><meta value="2020-05-15T07:11:22+02:00" name="article:published_time">""",
            Prose()));

        Assert.Equal("Value Attribute Title", article.Title);
        Assert.Equal("Example Daily", article.SiteName);
        Assert.Equal(new DateTimeOffset(2020, 5, 15, 7, 11, 22, TimeSpan.FromHours(2)), article.Published);
    }

    [Fact]
    public void Prefers_json_ld_graph_over_open_graph_and_resolves_author_references()
    {
        var article = Normalize(Page(
            """
            <meta property="og:title" content="OpenGraph Title">
            <meta property="og:site_name" content="OG Site">
            <meta property="article:published_time" content="2001-01-01T00:00:00Z">
            <meta name="author" content="Meta Author">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "@id": "https://example.com/#site", "name": "Example Site"},
              {"@type": "Person", "@id": "https://example.com/#jane", "name": "Jane Doe"},
              {"@type": ["NewsArticle"], "headline": "JSON-LD Headline", "author": [{"@id": "https://example.com/#jane"}, {"@type": "Person", "name": "John Roe"}],
               "datePublished": "2024-03-01T09:30:00+01:00", "dateModified": "2024-03-02T10:00:00+01:00",
               "publisher": {"@type": "Organization", "name": "Example Publisher"}}
            ]}
            </script>
            """,
            Prose()));

        Assert.Equal("JSON-LD Headline", article.Title);
        Assert.Equal(["Jane Doe", "John Roe"], article.Authors);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)), article.Modified);
        Assert.Equal("Example Publisher", article.SiteName);
    }

    [Fact]
    public void Falls_back_to_open_graph_when_json_ld_is_broken()
    {
        var article = Normalize(Page(
            """<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta property="og:title" content="OpenGraph Title">""",
            Prose()));

        Assert.Equal("OpenGraph Title", article.Title);
    }

    [Fact]
    public void Prefers_open_graph_over_plain_meta_tags_and_meta_tags_over_the_page()
    {
        var article = Normalize(Page(
            """
            <title>Document Title</title>
            <meta name="twitter:title" content="Twitter Title">
            <meta name="title" content="Meta Title">
            <meta name="author" content="Meta Author">
            """,
            """<article><h1>Visible Headline</h1><p class="byline">By Page Author</p>""" + Prose() + "</article>"));

        Assert.Equal("Twitter Title", article.Title);
        Assert.Equal(["Meta Author"], article.Authors);
    }

    [Fact]
    public void Prefers_a_dublin_core_title_over_open_graph()
    {
        var article = Normalize(Page(
            """
            <title>Document Title</title>
            <meta property="og:title" content="Sharing Card Title">
            <meta name="DC.title" content="Dublin Core Title">
            """,
            Prose()));

        Assert.Equal("Dublin Core Title", article.Title);
    }

    [Fact]
    public void Prefers_the_property_spelling_of_a_meta_tag_over_an_earlier_name_spelling()
    {
        var article = Normalize(Page(
            """
            <meta name="og:title" content="Name Spelling Title">
            <meta property="og:title" content="Property Spelling Title">
            """,
            Prose()));

        Assert.Equal("Property Spelling Title", article.Title);
    }

    [Fact]
    public void Reads_byline_and_time_from_the_page_when_no_metadata_declares_them()
    {
        var article = Normalize(Page(
            "<title>Document Title</title>",
            """<article><header><h1>Document Title</h1><p class="byline">By Jane Doe and John Roe</p><time datetime="2023-06-07T20:54:26Z">June 7</time></header>""" + Prose() + "</article>"));

        Assert.Equal(["Jane Doe", "John Roe"], article.Authors);
        Assert.Equal(DateTimeOffset.Parse("2023-06-07T20:54:26Z"), article.Published);
    }

    [Theory]
    [InlineData("Obama admits US gun laws are his biggest frustration - BBC News", "BBC News")]
    [InlineData("Obama admits US gun laws are his biggest frustration | The Guardian", "The Guardian")]
    [InlineData("BBC News - Obama admits US gun laws are his biggest frustration", "BBC News")]
    [InlineData("Obama admits US gun laws are his biggest frustration | Politics | The Guardian", "the Guardian")]
    public void Removes_the_site_name_from_the_title(string title, string siteName)
    {
        var article = Normalize(Page($"""<meta property="og:title" content="{title}"><meta property="og:site_name" content="{siteName}">""", Prose()));

        Assert.StartsWith("Obama admits US gun laws are his biggest frustration", article.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(siteName.Replace("the ", string.Empty, StringComparison.OrdinalIgnoreCase), article.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Keeps_title_segments_that_do_not_name_the_site()
    {
        var article = Normalize(Page("""<meta property="og:title" content="Brexit - what happens next | Analysis"><meta property="og:site_name" content="Example News">""", Prose()));

        Assert.Equal("Brexit - what happens next | Analysis", article.Title);
    }

    [Fact]
    public void Strips_by_labels_and_splits_author_lists()
    {
        var article = Normalize(Page("""<meta name="author" content="By Jane Doe, John Roe and Max Mustermann">""", Prose()));

        Assert.Equal(["Jane Doe", "John Roe", "Max Mustermann"], article.Authors);
    }

    [Fact]
    public void Ignores_author_values_that_are_profile_urls()
    {
        var article = Normalize(Page(
            """<meta property="article:author" content="https://www.facebook.com/example"><meta name="author" content="Jane Doe">""",
            Prose()));

        Assert.Equal(["Jane Doe"], article.Authors);
    }

    [Fact]
    public void Prefers_a_full_timestamp_over_a_bare_day_for_the_same_date()
    {
        var article = Normalize(Page(
            """<meta name="date" content="2016-12-15">""",
            """<article><time datetime="2016-12-15T15:33:00-05:00">December 15</time>""" + Prose() + "</article>"));

        Assert.Equal(new DateTimeOffset(2016, 12, 15, 15, 33, 0, TimeSpan.FromHours(-5)), article.Published);
    }

    [Theory]
    [InlineData("""<html lang="de-AT"><head><meta property="og:locale" content="en_US">""", "de")]
    [InlineData("""<html><head><meta property="og:locale" content="pt_BR">""", "pt")]
    [InlineData("""<html><head><meta http-equiv="content-language" content="fr">""", "fr")]
    public void Reads_the_declared_language_as_a_primary_subtag(string start, string expected)
    {
        var article = Normalize($"{start}<title>A title for the page</title></head><body>{Prose()}</body></html>");

        Assert.Equal(expected, article.Language);
    }

    [Theory]
    [InlineData("reordering-paragraphs")]
    [InlineData("ol")]
    [InlineData("005-unescape-html-entities")]
    public void Gives_a_page_that_states_no_title_an_empty_one(string caseName)
    {
        var article = Readability(caseName);

        Assert.Equal(string.Empty, article.Title);
    }

    [Fact]
    public void Takes_the_headline_after_the_colon_of_a_section_label_in_the_document_title()
    {
        var article = Readability("v8-blog");

        Assert.Equal("standalone WebAssembly binaries using Emscripten · V8", article.Title);
    }

    [Fact]
    public void Keeps_a_colon_title_that_a_heading_states_in_full()
    {
        var article = Normalize(Page(
            "<title>Outside the web: standalone WebAssembly binaries</title>",
            "<article><h1>Outside the web: standalone WebAssembly binaries</h1>" + Prose() + "</article>"));

        Assert.Equal("Outside the web: standalone WebAssembly binaries", article.Title);
    }

    [Fact]
    public void Keeps_a_colon_title_with_more_than_five_words_before_the_colon()
    {
        var article = Normalize(Page("<title>What the council decided on Tuesday night: a new budget for schools</title>", Prose()));

        Assert.Equal("What the council decided on Tuesday night: a new budget for schools", article.Title);
    }

    [Fact]
    public void Takes_the_only_h1_when_the_document_title_is_too_short_to_be_a_headline()
    {
        var article = Normalize(Page("<title>Story</title>", "<article><h1>Council approves the budget for next year</h1>" + Prose() + "</article>"));

        Assert.Equal("Council approves the budget for next year", article.Title);
    }

    [Fact]
    public void Keeps_a_trailing_segment_that_is_only_part_of_the_site_name()
    {
        // Readability keeps " | Factorio" under og:site_name "Factorio.com": part of a name does not prove the segment names the site.
        var article = Readability("keep-tabular-data");

        Assert.Equal("Friday Facts #282 - 0.17 in sight | Factorio", article.Title);
    }

    [Fact]
    public void Removes_a_trailing_segment_that_holds_the_whole_site_name()
    {
        var article = Postlight("www.cbc.ca");

        Assert.Equal("Housing market slowdown continues with sales and average prices well down from last year", article.Title);
    }
}
