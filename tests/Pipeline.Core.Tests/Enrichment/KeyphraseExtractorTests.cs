using Pipeline.Core.Articles;
using Pipeline.Core.Enrichment;

namespace Pipeline.Core.Tests.Enrichment;

public sealed class KeyphraseExtractorTests
{
    [Fact]
    public void Keyphrases_of_the_seed_include_ukraine_and_peace_talks()
    {
        var seed = EnrichmentInput.Seed();

        var keyphrases = KeyphraseExtractor.Extract(seed.Title, seed.Sections, "en");

        Assert.Equal("ukraine", keyphrases[0]);
        Assert.Contains("peace talks", keyphrases);
        Assert.Contains("russia", keyphrases);
    }

    [Fact]
    public void Prefers_a_phrase_to_the_words_it_is_made_of()
    {
        var seed = EnrichmentInput.Seed();

        var keyphrases = KeyphraseExtractor.Extract(seed.Title, seed.Sections, "en");

        Assert.Contains("peace talks", keyphrases);
        Assert.DoesNotContain("peace", keyphrases);
        Assert.DoesNotContain("talks", keyphrases);
    }

    [Fact]
    public void Keyphrases_of_bbc_business_007_name_its_subject()
    {
        var article = EnrichmentInput.Bbc("business", 7);

        var keyphrases = KeyphraseExtractor.Extract(article.Title, article.Sections, "en");

        Assert.Equal("jobs", keyphrases[0]);
        Assert.Contains("unemployment rate", keyphrases);
        Assert.Contains("labor department", keyphrases);
    }

    [Fact]
    public void Gives_at_most_ten_distinct_lower_case_keyphrases_without_stop_words()
    {
        var problems = new List<string>();
        foreach (var (name, article) in EnrichmentInput.BbcSample(step: 25))
        {
            var keyphrases = KeyphraseExtractor.Extract(article.Title, article.Sections, "en");
            var words = keyphrases.SelectMany(k => k.Split(' ')).ToList();
            if (keyphrases.Count is 0 or > KeyphraseExtractor.DefaultCount
                || keyphrases.Distinct().Count() != keyphrases.Count
                || keyphrases.Any(k => k != k.ToLowerInvariant())
                || words.Any(w => w is "the" or "of" or "and" or "said" or "to" or "in"))
            {
                problems.Add($"{name}: {string.Join(" | ", keyphrases)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Ranks_by_frequency_then_first_appearance()
    {
        var keyphrases = KeyphraseExtractor.Extract(
            string.Empty,
            [new ArticleSection(null, ["Apples grow on trees.", "Bananas grow in bunches."])],
            "en");

        Assert.Equal(["grow", "apples", "trees", "bananas", "bunches"], keyphrases);
    }

    [Fact]
    public void Weighs_the_title_above_the_body()
    {
        var keyphrases = KeyphraseExtractor.Extract(
            "Bananas",
            [new ArticleSection(null, ["Apples grow on trees.", "Bananas grow in bunches, apples do not."])],
            "en");

        Assert.Equal("bananas", keyphrases[0]);
    }

    [Fact]
    public void Uses_the_stop_words_of_the_article_language()
    {
        var keyphrases = KeyphraseExtractor.Extract(
            "Straßenbahn wird verlängert",
            [new ArticleSection(null, ["Die Stadt hat angekündigt, dass die Straßenbahn bis zum neuen Wohngebiet verlängert wird. Die Straßenbahn fährt ab dem Frühjahr."])],
            "de");

        Assert.Equal("straßenbahn", keyphrases[0]);
        Assert.DoesNotContain(keyphrases, k => k.Split(' ').Any(w => w is "die" or "dass" or "wird" or "zum"));
    }

    [Fact]
    public void Finds_no_keyphrases_in_languages_without_stop_words()
    {
        var keyphrases = KeyphraseExtractor.Extract(
            "路面電車を延長",
            [new ArticleSection(null, ["市は火曜日、路面電車の路線を延長すると発表した。"])],
            "ja");

        Assert.Empty(keyphrases);
    }
}
