using Pipeline.Core.Enrichment;

namespace Pipeline.Core.Tests.Enrichment;

public sealed class TextStatisticsTests
{
    [Theory]
    [InlineData("The council approved the budget.", 5)]
    [InlineData("Don't stop the U.S.-led, multi-storey 5.2% rise of 146,000 jobs", 11)]
    [InlineData("Prices rose - sharply - in 2004 … and 2005.", 7)]
    [InlineData("   \n\n — … ", 0)]
    public void Counts_runs_of_letters_and_digits_as_words(string text, int words)
    {
        Assert.Equal(words, TextStatistics.CountWords(text));
    }

    [Theory]
    [InlineData("東京都は水曜日", 7)]
    [InlineData("市政府周二宣布。", 7)]
    [InlineData("iPhone 15を発売した", 7)]
    public void Counts_each_chinese_and_japanese_character_as_a_word(string text, int words)
    {
        Assert.Equal(words, TextStatistics.CountWords(text));
    }

    [Fact]
    public void Counts_korean_words_between_spaces()
    {
        Assert.Equal(6, TextStatistics.CountWords("정부는 수요일 새로운 경제 대책을 발표했다."));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(238, 1)]
    [InlineData(239, 2)]
    [InlineData(2380, 10)]
    public void Reading_time_rounds_up_at_238_words_a_minute(int words, int minutes)
    {
        Assert.Equal(minutes, TextStatistics.ReadingMinutes(words));
    }
}
