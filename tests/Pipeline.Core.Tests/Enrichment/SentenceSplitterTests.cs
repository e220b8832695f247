using Pipeline.Core.Enrichment;

namespace Pipeline.Core.Tests.Enrichment;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Splits_at_full_stops_question_and_exclamation_marks()
    {
        Assert.Equal(
            ["The vote passed.", "Will it last?", "Nobody knows!", "Talks resume on Monday."],
            SentenceSplitter.Split("The vote passed. Will it last? Nobody knows! Talks resume on Monday."));
    }

    [Theory]
    [InlineData("Former U.S. President Donald Trump has committed to sending support.")]
    [InlineData("It highlights the importance of U.S. diplomatic efforts.")]
    [InlineData("Mr. Smith met Dr. Jones and Prof. Lee at 10 a.m. on Monday.")]
    [InlineData("The unemployment rate fell to 5.2%, its lowest level since September 2001.")]
    [InlineData("Visit bbc.co.uk for the No. 10 statement, e.g. the full text.")]
    [InlineData("President George W. Bush can celebrate a net growth in jobs.")]
    [InlineData("Sales rose… but only slightly.")]
    [InlineData("\"Why?\" he asked the minister.")]
    public void Keeps_abbreviations_initials_and_decimals_inside_a_sentence(string sentence)
    {
        Assert.Equal([sentence], SentenceSplitter.Split(sentence));
    }

    [Fact]
    public void Ends_a_sentence_after_an_initialism_when_the_next_one_begins()
    {
        Assert.Equal(
            ["Job growth is slow in the U.S.", "The rate fell anyway."],
            SentenceSplitter.Split("Job growth is slow in the U.S. The rate fell anyway."));
    }

    [Fact]
    public void Keeps_closing_quotes_with_their_sentence()
    {
        Assert.Equal(
            ["“Every day we don’t have those tanks, people are getting killed.”", "Myroshnychenko stressed the need for support."],
            SentenceSplitter.Split("“Every day we don’t have those tanks, people are getting killed.” Myroshnychenko stressed the need for support."));
    }

    [Fact]
    public void Splits_chinese_and_japanese_sentences_without_spaces()
    {
        Assert.Equal(
            ["市は新しい計画を発表した。", "工事は「来年」始まる。"],
            SentenceSplitter.Split("市は新しい計画を発表した。工事は「来年」始まる。"));
    }
}
