using Pipeline.Search.Lucene.Suggestions;

namespace Pipeline.Search.Lucene.Tests.Suggestions;

/// <summary>The typo tolerance of fuzzy suggestions: one edit, counted as Lucene's fuzzy queries count it.</summary>
public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("flood", "flood")]
    [InlineData("flood", "floid")]
    [InlineData("flood", "floods")]
    [InlineData("flood", "flod")]
    [InlineData("flood", "lfood")]
    [InlineData("river", "rievr")]
    [InlineData("", "a")]
    public void One_substitution_insertion_deletion_or_swap_is_within_reach(string a, string b)
    {
        Assert.True(EditDistance.AtMostOne(a, b));
        Assert.True(EditDistance.AtMostOne(b, a));
    }

    [Theory]
    [InlineData("flood", "flu")]
    [InlineData("flood", "bleed")]
    [InlineData("river", "ierrv")]
    [InlineData("", "ab")]
    public void Two_edits_are_out_of_reach(string a, string b)
    {
        Assert.False(EditDistance.AtMostOne(a, b));
        Assert.False(EditDistance.AtMostOne(b, a));
    }
}
