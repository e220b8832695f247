using static Pipeline.Core.Tests.Normalization.Html.HtmlInput;

namespace Pipeline.Core.Tests.Normalization.Html;

/// <summary>The lead a page sets above the article body, in a box of its own, is the start of the article.</summary>
public sealed class HtmlStandfirstTests
{
    [Fact]
    public void Starts_the_article_with_the_lead_box_set_beside_the_body()
    {
        var article = Normalize(Page(
            "<title>Lead test page</title>",
            $"""
            <main>
              <div class="article-head"><h1>Lead test page</h1></div>
              <div class="article__lead"><p>The lead says in one sentence what the story below tells at length.</p></div>
              <div class="article-text">{Prose(5)}</div>
            </main>
            """));

        Assert.Equal("The lead says in one sentence what the story below tells at length.", Paragraphs(article).First());
        Assert.Contains(Paragraphs(article), p => p.StartsWith("Paragraph 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Leaves_out_a_lead_named_box_that_is_a_list_of_links()
    {
        var article = Normalize(Page(
            "<title>Lead links test page</title>",
            $"""
            <main>
              <div class="intro"><a href="/one">The first other story of the site, with its headline</a>
                <a href="/two">The second other story of the site, with its headline</a></div>
              <div class="article-text">{Prose(5)}</div>
            </main>
            """));

        Assert.DoesNotContain("other story", BodyText(article), StringComparison.Ordinal);
        Assert.StartsWith("Paragraph 1", Paragraphs(article).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_lead_a_news_page_names_teaser_text()
    {
        // TYPO3's news pages set the lead in "teaser-text", beside the body in "news-text-wrap".
        var article = Snippets("3418932f1028bf59", "https://www.zoo-berlin.de/de/aktuelles/alle-news/artikel/der-turm-der-wuensche");

        Assert.StartsWith("Tausende Fahrgäste passieren täglich den Bahnhof Zoologischer Garten", BodyText(article), StringComparison.Ordinal);
        Assert.DoesNotContain("Zurück zur Übersicht", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_lead_inside_the_article_header_that_cleaning_takes_out()
    {
        // The lead is a subheading (h2) in the header with the headline, the date and the share buttons.
        var article = Snippets("190f4da240e438b1", "https://www.autosprint.ch/de/classic/histo-monte-pistenstopp-in-rheinfelden/");

        Assert.Contains("Histo-Monte stehen gut. Die zahlreichen", article.Sections[0].Heading, StringComparison.Ordinal);
        Assert.Contains("früherer Veranstaltungen zur Verfügung", BodyText(article), StringComparison.Ordinal);
    }
}
