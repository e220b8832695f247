using Pipeline.Core.Enrichment;

namespace Pipeline.Core.Tests.Enrichment;

public sealed class LeadSummaryTests
{
    /// <summary>Every summary is whole sentences from the start of the body, after any short label or caption lines.</summary>
    [Fact]
    public void Summary_ends_at_a_sentence_boundary()
    {
        var problems = new List<string>();
        foreach (var (name, article) in EnrichmentInput.BbcSample(step: 10))
        {
            var summary = LeadSummary.Summarize(EnrichmentInput.Paragraphs(article));
            var paragraphs = EnrichmentInput.Paragraphs(article);
            if (summary is null || summary.Length > LeadSummary.MaxLength || summary.TrimEnd('"', '\'', '”', '’')[^1] is not ('.' or '!' or '?'))
            {
                problems.Add($"{name}: {summary}");
            }
            else if (!Enumerable.Range(0, paragraphs.Count).Any(skipped =>
                paragraphs.Take(skipped).All(p => TextStatistics.CountWords(p) < 8)
                && string.Join(' ', paragraphs.Skip(skipped)).StartsWith(summary, StringComparison.Ordinal)))
            {
                problems.Add($"{name}: not the lead: {summary}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Takes_as_many_lead_sentences_as_fit_in_300_characters()
    {
        var summary = LeadSummary.Summarize(EnrichmentInput.Paragraphs(EnrichmentInput.Bbc("business", 7)));

        Assert.Equal(
            "The US created fewer jobs than expected in January, but a fall in jobseekers pushed the unemployment rate to its " +
            "lowest level in three years. According to Labor Department figures, US firms added only 146,000 jobs in January.",
            summary);
    }

    [Fact]
    public void Stops_after_three_sentences()
    {
        var summary = LeadSummary.Summarize(["One short line. Two short lines. Three short lines. Four short lines."]);

        Assert.Equal("One short line. Two short lines. Three short lines.", summary);
    }

    [Fact]
    public void Summarizes_the_seed_from_its_first_paragraph()
    {
        var summary = LeadSummary.Summarize(EnrichmentInput.Paragraphs(EnrichmentInput.Seed()));

        Assert.Equal(
            "Ukrainian President Volodymyr Zelenskyy recently invited China to broker a new round of peace talks between " +
            "Ukraine and Russia. He stresses that high-level leadership discussions are necessary to achieve a permanent " +
            "solution to the long-standing war.",
            summary);
    }

    [Fact]
    public void Skips_captions_and_list_items_before_the_lead()
    {
        var summary = LeadSummary.Summarize(["Photo: Reuters", "• Key points", "The council approved the budget on Monday."]);

        Assert.Equal("The council approved the budget on Monday.", summary);
    }

    [Fact]
    public void Shortens_an_overlong_first_sentence_at_a_word_boundary()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("The committee reviewed the evidence", 12)) + ".";

        var summary = LeadSummary.Summarize([sentence]);

        Assert.NotNull(summary);
        Assert.True(summary.Length <= LeadSummary.MaxLength, summary);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        var kept = summary[..^1];
        Assert.StartsWith(kept, sentence, StringComparison.Ordinal);
        Assert.Equal(' ', sentence[kept.Length]);
    }

    [Fact]
    public void Has_no_summary_without_prose()
    {
        Assert.Null(LeadSummary.Summarize(["", "• Item one", "Photo: Reuters"]));
    }
}
