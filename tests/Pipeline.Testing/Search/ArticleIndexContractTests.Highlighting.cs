using Pipeline.Core.Search;
using Xunit;
using static Pipeline.Testing.Articles.ArticleBuilder;

namespace Pipeline.Testing.Search;

/// <summary>Highlights: fragments per requested field, matches between the request's tags, everything else HTML-escaped.</summary>
public abstract partial class ArticleIndexContractTests
{
    [Fact]
    public async Task Highlights_wrap_matches_in_the_requested_tags_per_field()
    {
        await IndexAsync(Article("volcano").WithTitle("Volcano erupts near village")
            .WithBody("Residents left at dawn.", "By noon the volcano had covered the valley in ash.").Build());

        var hit = (await SearchAsync(new SearchRequest("volcano")
        {
            Highlight = new HighlightRequest([ArticleFieldNames.Title, ArticleFieldNames.Body], "<mark>", "</mark>"),
        })).Hits.Single();

        Assert.NotNull(hit.Highlights);
        Assert.Equal(["<mark>Volcano</mark> erupts near village"], hit.Highlights[ArticleFieldNames.Title]);
        Assert.Contains("<mark>volcano</mark>", Assert.Single(hit.Highlights[ArticleFieldNames.Body]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Highlights_escape_the_text_around_the_matches()
    {
        await IndexAsync(Article("markup").WithTitle("Fish & chips <shop> opens").WithBody("Readers asked \"why\" the fish & chips <b>shop</b> closed.").Build());

        var hit = (await SearchAsync(new SearchRequest("chips")
        {
            Highlight = new HighlightRequest([ArticleFieldNames.Title, ArticleFieldNames.Body]),
        })).Hits.Single();

        Assert.Equal(["Fish &amp; <em>chips</em> &lt;shop&gt; opens"], hit.Highlights![ArticleFieldNames.Title]);
        Assert.Equal(
            ["Readers asked &quot;why&quot; the fish &amp; <em>chips</em> &lt;b&gt;shop&lt;/b&gt; closed."],
            hit.Highlights[ArticleFieldNames.Body]);
    }

    [Fact]
    public async Task Highlights_leave_out_fields_without_a_match_and_keep_the_snippet_in_em_tags()
    {
        await IndexAsync(Article("body-only").WithTitle("Travel news").WithBody("Flights were delayed by the volcano.").Build());

        var hit = (await SearchAsync(new SearchRequest("volcano")
        {
            Highlight = new HighlightRequest([ArticleFieldNames.Title, ArticleFieldNames.Body], "<b>", "</b>"),
        })).Hits.Single();

        Assert.False(hit.Highlights!.ContainsKey(ArticleFieldNames.Title));
        Assert.Contains("<b>volcano</b>", hit.Highlights[ArticleFieldNames.Body][0], StringComparison.Ordinal);
        Assert.Contains("<em>volcano</em>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Highlighting_only_the_title_keeps_the_summary_as_the_snippet()
    {
        await IndexAsync(Article("volcano").WithTitle("Volcano erupts").WithBody("By noon the volcano had covered the valley in ash.")
            .WithSummary("By noon the volcano had covered the valley in ash.").Build());

        var hit = (await SearchAsync(new SearchRequest("volcano") { Highlight = new HighlightRequest([ArticleFieldNames.Title]) })).Hits.Single();

        Assert.Equal("By noon the volcano had covered the valley in ash.", hit.Snippet);
    }

    [Fact]
    public async Task Highlighting_the_body_of_a_hit_without_a_body_match_gives_no_snippet()
    {
        await IndexAsync(Article("volcano").WithTitle("Volcano erupts").WithBody("Residents left at dawn.").WithSummary("Residents left at dawn.").Build());

        var hit = (await SearchAsync(new SearchRequest("volcano") { Highlight = new HighlightRequest([ArticleFieldNames.Body]) })).Hits.Single();

        Assert.Null(hit.Snippet);
    }

    [Fact]
    public async Task Highlights_mark_words_matched_by_a_prefix()
    {
        await IndexAsync(Article("plants").WithTitle("Photosynthesis explained").WithBody("Photosynthesis slows in winter leaves.").Build());

        var hit = (await SearchAsync(new SearchRequest("photosynth*") { Highlight = new HighlightRequest([ArticleFieldNames.Title]) })).Hits.Single();

        Assert.Equal(["<em>Photosynthesis</em> explained"], hit.Highlights![ArticleFieldNames.Title]);
    }

    [Fact]
    public async Task Without_a_highlight_request_hits_have_no_highlights()
    {
        await IndexAsync(Article("volcano").WithTitle("Volcano erupts").Build());

        Assert.Null((await SearchAsync("volcano")).Hits.Single().Highlights);
    }

    [Fact]
    public async Task Highlighting_a_field_that_is_not_highlightable_is_an_invalid_request()
    {
        await IndexAsync(Article("volcano").WithTitle("Volcano erupts").Build());

        var error = await Assert.ThrowsAsync<InvalidSearchRequestException>(
            () => SearchAsync(new SearchRequest("volcano") { Highlight = new HighlightRequest([ArticleFieldNames.Authors]) }));

        Assert.Equal("highlight", error.Parameter);
    }
}
