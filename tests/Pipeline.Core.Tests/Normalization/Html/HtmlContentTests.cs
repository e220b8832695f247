using Pipeline.Core.Articles;
using static Pipeline.Core.Tests.Normalization.Html.HtmlInput;

namespace Pipeline.Core.Tests.Normalization.Html;

/// <summary>The article body: main content only, with its section headings and paragraph structure.</summary>
public sealed class HtmlContentTests
{
    [Fact]
    public void Keeps_section_headings_of_a_guardian_article()
    {
        var article = Readability("guardian-1");

        Assert.Equal([null, "‘Unprecedented’ strandings", "‘We need to listen’"], article.Sections.Select(s => s.Heading));
        Assert.All(article.Sections, s => Assert.NotEmpty(s.Paragraphs));
        Assert.StartsWith("Whale whisperer Hori Parata was just seven years old", Paragraphs(article).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Turns_paragraphs_list_items_and_quotes_into_paragraphs()
    {
        var article = Normalize(Page(
            "<title>Structure test page</title>",
            """
            <article>
              <p>First paragraph with <a href="/x">a link</a> and <em>emphasis</em> in   the   middle, long enough to count as prose here.</p>
              <h2>Steps</h2>
              <ol><li>Open the box.</li><li><p>Read the manual.</p></li></ol>
              <ul><li>Bulleted item</li></ul>
              <blockquote><p>A quoted sentence that someone said at the event, quoted in full.</p></blockquote>
              <p>Line one<br>line two</p>
            </article>
            """ + Prose()));

        var steps = Assert.Single(article.Sections, s => s.Heading == "Steps");
        Assert.Equal("First paragraph with a link and emphasis in the middle, long enough to count as prose here.", Paragraphs(article).First());
        Assert.Equal(["1. Open the box.", "2. Read the manual.", "• Bulleted item", "A quoted sentence that someone said at the event, quoted in full.", "Line one\nline two"], steps.Paragraphs.Take(5));
    }

    [Fact]
    public void Drops_the_comment_thread_of_a_blog_post()
    {
        var article = Readability("firefox-nightly-blog");

        Assert.DoesNotContain("comments on", BodyText(article), StringComparison.Ordinal);
        Assert.DoesNotContain(article.Sections, s => s.Heading?.Contains("comments", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains(article.Sections, s => s.Heading == "Highlights");
    }

    [Fact]
    public void Drops_share_and_like_buttons()
    {
        var article = Readability("social-buttons");

        var body = BodyText(article);
        Assert.DoesNotContain("Like this", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Share this", body, StringComparison.Ordinal);
        Assert.StartsWith("Lorem ipsum dolor sit amet", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Drops_a_share_bar_inside_the_article_block()
    {
        var article = Normalize(Page(
            "<title>Share bar test page</title>",
            """<article><div class="share-bar"><a href="https://twitter.com/share">Tweet</a> <a href="https://facebook.com/share">Share on Facebook</a></div>""" +
            Prose() + """<div id="comments"><h3>3 comments</h3><p>First! This is a reader comment that goes on for a while to look like prose.</p></div></article>"""));

        var body = BodyText(article);
        Assert.DoesNotContain("Tweet", body, StringComparison.Ordinal);
        Assert.DoesNotContain("reader comment", body, StringComparison.Ordinal);
        Assert.DoesNotContain(article.Sections, s => s.Heading == "3 comments");
    }

    [Fact]
    public void Lifts_related_stories_into_links_and_out_of_the_body()
    {
        var article = Readability("bbc-1");

        Assert.Contains(new RelatedLink("US cinema gunman 'had violent past'", "http://fakehost/news/world-us-canada-33654509"), article.Related);
        Assert.Contains(article.Related, link => link.Title == "Obama urges UK to stay in European Union");
        Assert.DoesNotContain("US cinema gunman", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Recognises_a_related_list_by_its_heading_and_resolves_its_links()
    {
        var article = Normalize(
            Page(
                "<title>Related heading test page</title>",
                "<article>" + Prose() + """
                    <h3>Related stories</h3>
                    <ul>
                      <li><a href="/news/one">Council approves the new bridge over the river</a></li>
                      <li><a href="two.html">Floods close three roads in the valley overnight</a></li>
                    </ul>
                    </article>
                    """),
            new Uri("https://news.example/local/story.html"));

        Assert.Equal(
            [new RelatedLink("Council approves the new bridge over the river", "https://news.example/news/one"), new RelatedLink("Floods close three roads in the valley overnight", "https://news.example/local/two.html")],
            article.Related);
        Assert.DoesNotContain("Council approves", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Drops_a_heading_that_repeats_the_title()
    {
        var article = Normalize(Page("<title>The Only Headline Here</title>", "<article><h1>The Only Headline Here</h1>" + Prose() + "</article>"));

        Assert.DoesNotContain(article.Sections, s => s.Heading == "The Only Headline Here");
    }

    [Fact]
    public void Extracts_the_article_from_a_real_page_without_its_navigation()
    {
        var article = Readability("nytimes-1");

        var paragraphs = Paragraphs(article).ToList();
        Assert.Contains(paragraphs, p => p.StartsWith("United Nations peacekeepers at a refugee camp in Sudan", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("SUBSCRIBE NOW", StringComparison.Ordinal) || p == "Sections");
    }
}
