using Pipeline.Core.Enrichment;
using Pipeline.Testing;
using static Pipeline.Core.Tests.Normalization.PlainText.PlainTextInput;

namespace Pipeline.Core.Tests.Normalization.PlainText;

/// <summary>
/// The BBC News corpus (2,225 clean plain-text articles: title line, blank line, paragraphs). Normalization must
/// take the first line as the title and keep every word of the body.
/// </summary>
public sealed class BbcCorpusTests
{
    private const int ArticleCount = 2225;

    [Fact]
    public void Normalizes_every_bbc_article_with_its_first_line_as_title()
    {
        var root = TestData.RequireShared("corpora", "bbc");
        // Articles live in the category folders; the dataset's README.TXT sits beside them.
        var files = Directory.GetDirectories(root)
            .SelectMany(category => Directory.GetFiles(category, "*.txt"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var problems = new List<string>();

        foreach (var path in files)
        {
            var name = Path.GetRelativePath(root, path);
            var article = NormalizeFile(path);
            var expectedTitle = File.ReadLines(path).First().Trim();
            if (article.Title != expectedTitle)
            {
                problems.Add($"{name}: title '{article.Title}', expected '{expectedTitle}'");
            }

            // Nothing is lost: title, headings and paragraphs together hold every word of the file.
            var kept = TextStatistics.CountWords(string.Join("\n", [article.Title, .. article.Sections.Select(s => s.Heading ?? string.Empty), .. Paragraphs(article)]));
            var written = TextStatistics.CountWords(File.ReadAllText(path));
            if (kept != written || article.Related.Count > 0 || article.Authors.Count > 0)
            {
                problems.Add($"{name}: {kept} of {written} words kept, {article.Related.Count} related links, {article.Authors.Count} authors");
            }
        }

        Assert.Equal(ArticleCount, files.Count);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(20)));
    }

    [Fact]
    public void Decodes_latin1_pound_sign_in_bbc_sport_199()
    {
        var article = NormalizeFile(TestData.RequireShared("corpora", "bbc", "sport", "199.txt"));

        Assert.Equal("Chelsea sack Mutu", article.Title);
        Assert.Contains(Paragraphs(article), p => p.Contains("a £15.8m signing from Parma", StringComparison.Ordinal));
        Assert.DoesNotContain(Paragraphs(article), p => p.Contains('\uFFFD'));
    }

    [Fact]
    public void Keeps_bbc_bullet_lists_as_separate_paragraphs()
    {
        var article = NormalizeFile(TestData.RequireShared("corpora", "bbc", "business", "291.txt"));

        Assert.Contains("The government had claimed tobacco firms", Paragraphs(article));
        Assert.Contains("• manipulated nicotine levels to increase addiction", Paragraphs(article));
        Assert.Contains("• lied about the dangers of smoking and ignored research to the contrary.", Paragraphs(article));
    }

    [Theory]
    [InlineData("sport", "179.txt")]
    [InlineData("sport", "476.txt")]
    [InlineData("entertainment", "353.txt")]
    [InlineData("sport", "237.txt")]
    [InlineData("politics", "389.txt")]
    public void Finds_no_headings_in_bbc_articles_with_short_lines(string category, string file)
    {
        var article = NormalizeFile(TestData.RequireShared("corpora", "bbc", category, file));

        Assert.Null(Assert.Single(article.Sections).Heading);
    }
}
