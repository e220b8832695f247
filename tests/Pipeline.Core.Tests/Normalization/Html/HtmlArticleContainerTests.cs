using static Pipeline.Core.Tests.Normalization.Html.HtmlInput;

namespace Pipeline.Core.Tests.Normalization.Html;

/// <summary>Which block of a real page the extraction takes as the article.</summary>
public sealed class HtmlArticleContainerTests
{
    [Fact]
    public void Takes_an_article_the_layout_splits_across_several_columns()
    {
        // The story runs through a dozen "companion columns"; each alone scores close to the others.
        var article = Snippets("461a82ffde95221a", "https://www.nytimes.com/2020/08/16/business/california-blackouts.html");

        Assert.Contains("As temperatures began to rise in California on", BodyText(article), StringComparison.Ordinal);
        Assert.Contains("In particular, California ISO said two natural gas power", BodyText(article), StringComparison.Ordinal);
        Assert.DoesNotContain("Chris Rock Tried to Warn Us", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_out_the_dictionary_entries_listed_around_an_encyclopedia_article()
    {
        var article = Snippets("77fbad6ca7a5e6fe", "https://deleuze.enacademic.com/104/micropolitics");

        Assert.Contains("Deleuze and Guattari oppose", BodyText(article), StringComparison.Ordinal);
        Assert.DoesNotContain("is professor emeritus of", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_out_the_copyright_line_under_a_news_story()
    {
        var article = Snippets("f44d7d72dfeb874a", "https://www.cbsnews.com/news/2020-presidential-election-south-carolina-black-voters-democrats-joe-biden/");

        Assert.Contains("At a family fun run in the state", BodyText(article), StringComparison.Ordinal);
        Assert.DoesNotContain("All Rights Reserved", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_standfirst_the_article_element_sets_above_the_body()
    {
        // The summary line sits in the headline block of <article>, apart from the body's container.
        var article = Readability("la-nacion");

        Assert.StartsWith("Los pueblos indígenas reclaman", BodyText(article), StringComparison.Ordinal);
        Assert.Contains("Abdullah Ocalan, el líder independentista kurdo", BodyText(article), StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_its_own_uncertain_choice_when_smartreader_finds_no_text_a_reader_sees()
    {
        // A short podcast post: our scoring is not confident, and SmartReader's article is all page furniture.
        var article = Snippets("271dda9eb1a80237", "https://knowledge-on-air.de/2019/12/17/koa039-live-vom-knowledgecamp-2019/");

        Assert.Contains("Auch auf dem KnowledgeCamp 2019", BodyText(article), StringComparison.Ordinal);
        Assert.Contains("vom Camp erzählen", BodyText(article), StringComparison.Ordinal);
    }
}
