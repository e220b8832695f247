using Pipeline.Core.Search;

namespace Pipeline.Core.Tests.Search;

/// <summary>The comma-separated field lists: searchFields, highlight and select.</summary>
public sealed class SearchFieldListTests
{
    [Fact]
    public void Search_fields_are_searchable_fields_in_the_order_given() =>
        Assert.Equal(["body", "title", "authors", "tags"], SearchFieldList.ParseSearchFields("body, title,authors ,tags"));

    [Fact]
    public void Highlight_fields_are_highlightable_fields() =>
        Assert.Equal(["title", "body"], SearchFieldList.ParseHighlight("title,body"));

    [Fact]
    public void Select_takes_the_properties_of_a_hit() =>
        Assert.Equal(SearchFieldList.Selectable, SearchFieldList.ParseSelect(string.Join(',', SearchFieldList.Selectable)));

    [Fact]
    public void Select_star_is_every_property() => Assert.Empty(SearchFieldList.ParseSelect(" * "));

    [Theory]
    [InlineData("")]
    [InlineData(" \t")]
    public void Empty_text_is_an_empty_list(string text)
    {
        Assert.Empty(SearchFieldList.ParseSearchFields(text));
        Assert.Empty(SearchFieldList.ParseHighlight(text));
        Assert.Empty(SearchFieldList.ParseSelect(text));
    }

    [Theory]
    [InlineData("searchFields", "title,language", 6, "'language' at position 6 is not a searchable field; searchable fields are: title, body, authors, tags")]
    [InlineData("searchFields", "Title", 0, "did you mean 'title'?")]
    [InlineData("searchFields", "title,,body", 6, "Expected a field name at position 6")]
    [InlineData("searchFields", "title,body,title", 11, "'title' at position 11 is listed twice")]
    [InlineData("highlight", "body,tags", 5, "'tags' at position 5 is not a highlightable field; highlightable fields are: title, body")]
    [InlineData("highlight", "title, body-3", 7, "Fragment counts such as 'body-3' at position 7 are not supported; write body")]
    [InlineData("select", "id,body", 3, "'body' at position 3 is not a selectable field")]
    [InlineData("select", "id,*", 3, "'*' at position 3 is not a selectable field")]
    [InlineData("select", "id,SiteName", 3, "did you mean 'siteName'?")]
    public void Rejects_a_field_the_parameter_does_not_take(string parameter, string text, int position, string message)
    {
        Func<string, IReadOnlyList<string>> parse = parameter switch
        {
            "searchFields" => SearchFieldList.ParseSearchFields,
            "highlight" => SearchFieldList.ParseHighlight,
            _ => SearchFieldList.ParseSelect,
        };

        var error = Assert.Throws<InvalidSearchRequestException>(() => parse(text));

        Assert.Equal(parameter, error.Parameter);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
