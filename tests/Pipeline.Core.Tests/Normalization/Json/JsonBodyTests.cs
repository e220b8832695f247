using Pipeline.Core.Articles;
using static Pipeline.Core.Tests.Normalization.Json.JsonInput;

namespace Pipeline.Core.Tests.Normalization.Json;

/// <summary>A body is read by the rules of the format it is written in: HTML, Markdown or plain text.</summary>
public sealed class JsonBodyTests
{
    [Fact]
    public void Reads_an_html_body_with_the_html_normalizer()
    {
        var article = Normalize("""
            {
              "title": "Tram line opens",
              "url": "https://metro.example.com/news/tram",
              "html": "<h1>Tram line opens</h1><p>The <strong>new tram line</strong> opened on Saturday, linking the station to the university campus in twelve minutes.</p><h2>Timetable</h2><p>Trams run every <a href=\"/timetable\">six minutes</a> at peak times, and every ten minutes in the evening.</p><ul><li>First tram 05:30</li><li>Last tram 00:30</li></ul>"
            }
            """);

        Assert.Equal("Tram line opens", article.Title);
        Assert.Equal([null, "Timetable"], article.Sections.Select(s => s.Heading));
        Assert.Contains("The new tram line opened on Saturday, linking the station to the university campus in twelve minutes.", Paragraphs(article));
        Assert.Contains("• First tram 05:30", Paragraphs(article));
    }

    [Fact]
    public void Sniffs_html_in_a_body_field()
    {
        var article = Normalize("""
            {"title": "Tram line opens", "content": "<p>The new tram line opened on Saturday, linking the station to the campus.</p><p>Trams run every six minutes at peak times.</p>"}
            """);

        Assert.Equal(
            ["The new tram line opened on Saturday, linking the station to the campus.", "Trams run every six minutes at peak times."],
            Paragraphs(article));
    }

    [Fact]
    public void Reads_a_markdown_body_with_the_markdown_rules()
    {
        var article = Normalize("""
            {
              "title": "Release notes 4.2",
              "body_markdown": "ignored: not a body field",
              "markdown": "# Release notes 4.2\n\nThis release makes **search** faster.\n\n## Fixes\n\n- Crash on [empty input](https://example.com/issues/12)\n- Slow start-up\n\n## See also\n\n- [Release notes 4.1](https://example.com/4.1)"
            }
            """);

        Assert.Equal([null, "Fixes"], article.Sections.Select(s => s.Heading));
        Assert.Equal(["This release makes search faster.", "• Crash on empty input", "• Slow start-up"], Paragraphs(article));
        Assert.Equal([new RelatedLink("Release notes 4.1", "https://example.com/4.1")], article.Related);
    }

    [Fact]
    public void Reads_a_plain_body_with_the_plain_text_rules()
    {
        var article = Normalize("""
            {
              "title": "Port strike ends",
              "body": "Port strike ends\n\nBy Ruth Mensah\n\nDock workers returned on Monday after a nine-day strike over pay and shift patterns.\n\nShare this article\n\nThe union said members had accepted a 7% rise.\n\nRelated\n• Shipping delays ease across Europe\n• What the deal means for prices"
            }
            """);

        Assert.Equal("Port strike ends", article.Title);
        Assert.Equal(["Ruth Mensah"], article.Authors);
        Assert.Equal(
            ["Dock workers returned on Monday after a nine-day strike over pay and shift patterns.", "The union said members had accepted a 7% rise."],
            Paragraphs(article));
        Assert.Equal(2, article.Related.Count);
    }

    [Fact]
    public void Takes_the_title_from_the_body_when_the_object_has_none()
    {
        var article = Normalize("""{"body": "Port strike ends\n\nDock workers returned on Monday."}""");

        Assert.Equal("Port strike ends", article.Title);
        Assert.Equal(["Dock workers returned on Monday."], Paragraphs(article));
    }

    [Fact]
    public void Prefers_json_fields_over_what_the_body_says()
    {
        var article = Normalize("""{"title": "A", "author": "Field Author", "body": "A\n\nBy Body Author\n\nText of the story."}""");

        Assert.Equal(["Field Author"], article.Authors);
    }
}
