using Pipeline.Core.Related;

namespace Pipeline.Core.Tests.Related;

public sealed class HeadlineTextTests
{
    [Theory]
    [InlineData("  Crows   Soar\tHigh ", "Crows Soar High")]
    [InlineData("Japa\u0300n", "Japàn")]
    public void Exact_form_only_collapses_white_space_and_composes_characters(string text, string expected)
    {
        Assert.Equal(expected, HeadlineText.Exact(text));
    }

    [Theory]
    [InlineData("Thilthorpe’s Key Contributions", "thilthorpes key contributions")]
    [InlineData("U.S. Open: “The Final”", "us open the final")]
    [InlineData("Müller & Söhne", "muller and sohne")]
    [InlineData("Straße – ﬁnal Round", "strasse final round")]
    [InlineData("$57.3 Million", "573 million")]
    public void Normalized_form_keeps_only_the_words(string text, string expected)
    {
        Assert.Equal(expected, HeadlineText.Normalized(text));
    }

    [Fact]
    public void Content_words_leave_out_stop_words_and_fold_english_plurals()
    {
        Assert.Equivalent(new[] { "talk", "resume", "party" }, HeadlineText.ContentWords("The Talks Resume With All Parties", "en"), strict: true);
    }

    [Fact]
    public void Content_words_of_other_languages_keep_their_endings()
    {
        Assert.Equivalent(new[] { "hauser", "berlins" }, HeadlineText.ContentWords("Die Häuser Berlins", "de"), strict: true);
    }

    [Theory]
    [InlineData("talks", "talk")]
    [InlineData("parties", "party")]
    [InlineData("challenges", "challenge")]
    [InlineData("status", "status")]
    [InlineData("glass", "glass")]
    [InlineData("shoes", "shoes")]
    [InlineData("news", "new")]
    public void English_plural_stemmer_removes_plural_endings_only(string word, string expected)
    {
        Assert.Equal(expected, EnglishPluralStemmer.Stem(word));
    }

    [Fact]
    public void Shared_keyphrases_are_the_common_part_of_phrases_in_the_article_order_without_repeats()
    {
        var shared = SharedKeyphrases.Between(["peace talks", "drones", "kyiv"], ["drone", "russian peace talks", "talks"], "en");

        Assert.Equal(["peace talks", "drones"], shared);
    }
}
