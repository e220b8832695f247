namespace Pipeline.Search.AzureAISearch.Tests;

public sealed class SimilarityTermsTests
{
    [Fact]
    public void Picks_repeated_content_words_and_skips_stop_words()
    {
        var terms = SimilarityTerms.Select(
            "Ceasefire talks resume",
            "The ceasefire was agreed. Talks on the ceasefire continue while negotiators meet, and the talks are long.");

        Assert.Equal("ceasefire", terms[0]);
        Assert.Contains("talks", terms);
        Assert.DoesNotContain("the", terms);
        Assert.DoesNotContain("and", terms);
    }

    [Fact]
    public void Shared_terms_are_those_the_other_article_contains()
    {
        var shared = SimilarityTerms.Shared(["ceasefire", "talks", "drones"], "Drone strikes", "Drones hit Odesa before the talks.");

        Assert.Equal(["talks", "drones"], shared);
    }
}
