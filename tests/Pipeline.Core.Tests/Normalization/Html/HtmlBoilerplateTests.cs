using static Pipeline.Core.Tests.Normalization.Html.HtmlInput;

namespace Pipeline.Core.Tests.Normalization.Html;

/// <summary>What the extraction passes leave out of the article body, and what they keep.</summary>
public sealed class HtmlBoilerplateTests
{
    [Fact]
    public void Drops_a_read_more_link_inside_the_article_but_keeps_the_prose_around_it()
    {
        var article = Normalize(Page(
            "<title>Teaser test page</title>",
            $"""
            <article>
              {Prose(2)}
              <p>Read more: <a href="/other-story">Another story the site would like you to read</a></p>
              {Prose(2)}
            </article>
            """));

        Assert.DoesNotContain("Read more", BodyText(article), StringComparison.Ordinal);
        Assert.Equal(4, Paragraphs(article).Count());
    }

    [Fact]
    public void Keeps_a_paragraph_that_is_one_link_of_the_article()
    {
        var article = Normalize(Page(
            "<title>Link paragraph test page</title>",
            $"""
            <article>
              {Prose(3)}
              <p><a href="https://example.org/report.pdf">The full report of the commission</a></p>
            </article>
            """));

        Assert.Contains("The full report of the commission", Paragraphs(article));
    }

    [Fact]
    public void Drops_a_related_stories_box_with_its_heading()
    {
        var article = Normalize(Page(
            "<title>Related box test page</title>",
            $"""
            <article>
              {Prose(4)}
              <div class="related-articles">
                <h3>More on this story</h3>
                <ul>
                  <li><a href="/a">Council approves the new bridge budget</a></li>
                  <li><a href="/b">Residents protest the closure of the old library</a></li>
                  <li><a href="/c">Mayor announces a second term bid</a></li>
                </ul>
              </div>
            </article>
            """));

        Assert.DoesNotContain(article.Sections, s => s.Heading == "More on this story");
        Assert.DoesNotContain("Council approves", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Drops_a_byline_line_that_repeats_the_author_and_date_of_the_metadata()
    {
        var article = Normalize(Page(
            """
            <title>Byline test page</title>
            <meta name="author" content="Jane Doe">
            <meta property="article:published_time" content="2021-05-03T10:00:00Z">
            """,
            $"""
            <article>
              <p>By Jane Doe | 03.05.2021</p>
              {Prose(4)}
            </article>
            """));

        Assert.Equal(["Jane Doe"], article.Authors);
        Assert.DoesNotContain(Paragraphs(article), p => p.Contains("Jane Doe", StringComparison.Ordinal));
        Assert.StartsWith("Paragraph 1", Paragraphs(article).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Drops_photo_credit_lines()
    {
        var article = Normalize(Page(
            "<title>Credit test page</title>",
            $"""
            <article>
              <p>Foto: dpa/Max Mustermann</p>
              {Prose(4)}
            </article>
            """));

        Assert.DoesNotContain("dpa/Max Mustermann", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_the_article_body_the_page_marks_when_scoring_picks_another_block()
    {
        // Readability-style scoring settles on the advertiser disclosure of this page; the page marks its body.
        var article = Snippets("d80d5ac8d8b51dda", "https://thepointsguy.com/news/alaska-airlines-oneworld-membership-new-date/");

        Assert.Contains("full fledged member of the Oneworld", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_scored_article_when_the_marked_body_around_it_adds_only_a_gallery_and_player_labels()
    {
        // The page's articleBody also holds a 50-picture gallery and a video player; scoring kept the article alone.
        var article = Readability("bug-1255978");

        Assert.Contains("Bedbugs love wood.", BodyText(article), StringComparison.Ordinal);
        Assert.DoesNotContain("United goin down", string.Join('\n', article.Sections.Select(s => s.Heading)), StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_the_marked_body_when_the_scored_block_inside_it_left_out_most_of_the_prose()
    {
        // Scoring keeps a fifth of this article; the rest is prose in the page's marked body.
        var article = Readability("salon-1");

        Assert.Contains("Uber’s way t", BodyText(article), StringComparison.Ordinal);
        Assert.Contains("This is a top-down economy, not a “shared” one.", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Drops_the_author_box_under_the_article_even_when_it_is_written_in_sentences()
    {
        var article = Normalize(Page(
            "<title>Author box test page</title>",
            $"""
            <article>
              {Prose(4)}
              <section class="post-author-bio">
                <p>Jane Doe studied sports science before she became an editor, and she has written about training,
                nutrition and competitions for many years, with a soft spot for long-distance swimming and open water.
                She lives by a lake, which she crosses every morning before work, in all weathers and all seasons.</p>
              </section>
            </article>
            """));

        Assert.DoesNotContain("studied sports science", BodyText(article), StringComparison.Ordinal);
        Assert.StartsWith("Paragraph 1", Paragraphs(article).First(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a8d731f3782cd3d3", "https://swim.de/training/lagen-pyramide-mit-ga2/", "Hälfte der Teilstrecke in", "studierte Sportwissenschaften, bevor")]
    [InlineData("5678108cd862a8b9", "https://neunzehn72.de/imac-5k-lightroom-performance-geloest-danke-an-die-community/", "Jetzt rennt der iMac Pro wie Hulle", "Ich mag jede Art von Fotografie")]
    public void Drops_author_boxes_on_real_pages(string id, string url, string articleText, string authorBoxText)
    {
        var article = Snippets(id, url);

        Assert.Contains(articleText, BodyText(article), StringComparison.Ordinal);
        Assert.DoesNotContain(authorBoxText, BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Drops_a_label_that_ends_the_article_and_introduces_what_the_page_sets_after_it()
    {
        var article = Normalize(Page(
            "<title>Trailing label test page</title>",
            $"""
            <article>
              {Prose(4)}
              <p><strong>Mehr Themen:</strong></p>
            </article>
            <div class="more"><a href="/a">Another story</a> <a href="/b">A third story</a></div>
            """));

        Assert.DoesNotContain("Mehr Themen", BodyText(article), StringComparison.Ordinal);
        Assert.StartsWith("Paragraph 4", Paragraphs(article).Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_a_sentence_that_ends_the_article_with_a_colon()
    {
        var article = Normalize(Page(
            "<title>Trailing colon test page</title>",
            $"""
            <article>
              {Prose(4)}
              <p>This is what the video at the end of the story shows, in the words of the reporter who filmed it:</p>
            </article>
            """));

        Assert.EndsWith("who filmed it:", Paragraphs(article).Last(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("d1c42d250ed2af89", "https://www.it-finanzmagazin.de/creditshelf-kooperiert-mit-finleap-und-plant-akquisition-der-valendo-gmbh-90871/", "Die geplante Kooperation von creditshelf mit finleap", "(Noch keine Bewertungen)")]
    [InlineData("d80d5ac8d8b51dda", "https://thepointsguy.com/news/alaska-airlines-oneworld-membership-new-date/", "full fledged member of the Oneworld", "This post contains references to products from one or more")]
    public void Drops_rating_widgets_and_disclosures_inside_the_article(string id, string url, string articleText, string boilerplate)
    {
        var article = Snippets(id, url);

        Assert.Contains(articleText, BodyText(article), StringComparison.Ordinal);
        Assert.DoesNotContain(boilerplate, BodyText(article), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hidden")]
    [InlineData("sr-only")]
    [InlineData("visually-hidden")]
    [InlineData("screen-reader-text")]
    public void Leaves_out_text_a_class_hides_from_readers(string hidingClass)
    {
        var article = Normalize(Page(
            "<title>Hidden class test page</title>",
            $"""
            <article>
              {Prose(4)}
              <div class="box {hidingClass}"><p>Subscribe to our newsletter to get the daily news about politics.</p></div>
            </article>
            """));

        Assert.DoesNotContain("Subscribe to our newsletter", BodyText(article), StringComparison.Ordinal);
        Assert.StartsWith("Paragraph 4", Paragraphs(article).Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_text_whose_class_only_names_hidden_as_part_of_a_word()
    {
        var article = Normalize(Page(
            "<title>Responsive class test page</title>",
            $"""
            <article>
              {Prose(4)}
              <p class="hidden-xs">The closing paragraph, which only small screens leave out, is part of the story.</p>
            </article>
            """));

        Assert.Contains("The closing paragraph", BodyText(article), StringComparison.Ordinal);
    }
}
