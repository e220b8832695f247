using System.Text;
using Microsoft.Extensions.Options;
using Pipeline.Core.Normalization;
using Pipeline.Core.Normalization.Html;
using Pipeline.Core.Normalization.Json;
using static Pipeline.Core.Tests.Normalization.Json.JsonInput;

namespace Pipeline.Core.Tests.Normalization.Json;

/// <summary>JSON that is broken, of the wrong shape or hostile is rejected with a reason code and a message that says where.</summary>
public sealed class JsonRejectionTests
{
    [Theory]
    [InlineData("""{"title": "A", "body": "B" """, "line 1, byte 28")]
    [InlineData("{\n  \"title\": \"A\",\n  \"body\" \"B\"\n}", "line 3, byte 10")]
    [InlineData("""{"title": "A"} {"title": "B"}""", "line 1, byte 16")]
    [InlineData("""{'title': 'A'}""", "line 1, byte 2")]
    public void Rejects_malformed_json_with_its_position(string json, string position)
    {
        var exception = Reject(json);

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
        Assert.StartsWith($"'export.json' is not valid JSON at {position}: ", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"title": 42, "body": "B"}""", "\"title\" must be a string, not a number (42).")]
    [InlineData("""{"title": ["A"], "body": "B"}""", "\"title\" must be a string, not an array.")]
    [InlineData("""{"title": "A", "body": {"text": "B"}}""", "\"body\" must be a string, not an object.")]
    [InlineData("""{"title": "A", "body": true}""", "\"body\" must be a string, not a boolean (true).")]
    [InlineData("""{"title": "A", "body": "B", "author": 7}""", "\"author\" must be a string or an object with \"name\", not a number (7).")]
    [InlineData("""{"title": "A", "body": "B", "authors": [{"name": 7}]}""", "\"authors[0].name\" must be a string, not a number (7).")]
    [InlineData("""{"title": "A", "body": "B", "date": 1717000000}""", "\"date\" must be a string, not a number (1717000000).")]
    [InlineData("""{"title": "A", "body": "B", "tags": 3}""", "\"tags\" must be a string or an array of strings, not a number (3).")]
    [InlineData("""{"title": "A", "sections": {"heading": "H"}}""", "\"sections\" must be an array of sections, not an object.")]
    [InlineData("""{"title": "A", "sections": [{"paragraphs": ["ok", 5]}]}""", "\"sections[0].paragraphs[1]\" must be a string, not a number (5).")]
    [InlineData("""{"title": "A", "body": "B", "related": [{"title": "T", "url": 1}]}""", "\"related[0].url\" must be a string, not a number (1).")]
    [InlineData("""{"title": "A", "body": "B", "url": 5}""", "\"url\" must be a URL string or an object with \"url\", not a number (5).")]
    public void Rejects_fields_of_the_wrong_type_naming_the_field(string json, string message)
    {
        var exception = Reject(json);

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
        Assert.Equal($"'export.json': {message}", exception.Message);
    }

    [Theory]
    [InlineData("\"just a string\"", "holds a string")]
    [InlineData("42", "holds a number")]
    [InlineData("null", "holds null")]
    public void Rejects_json_that_is_not_an_object_or_array(string json, string message)
    {
        var exception = Reject(json);

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_json_nested_deeper_than_the_limit_as_malformed()
    {
        var json = $"{{\"title\": \"A\", \"body\": \"B\", \"extra\": {new string('[', 100)}{new string(']', 100)}}}";

        var exception = Reject(json);

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
        Assert.Equal("'export.json' nests JSON deeper than 64 levels (line 1); the limit is Pipeline:Normalization:Json:MaxDepth.", exception.Message);
    }

    [Fact]
    public void Takes_the_nesting_limit_from_its_options()
    {
        var json = """{"title": "A", "body": "B", "extra": [[[[{"a": 1}]]]]}""";
        var strict = new JsonNormalizer(new HtmlNormalizer(), Options.Create(new JsonNormalizerOptions { MaxDepth = 4 }));

        var exception = Assert.Throws<NormalizationException>(() => strict.Normalize(new SourceDocument("export.json", Encoding.UTF8.GetBytes(json))));

        Assert.Contains("deeper than 4 levels", exception.Message, StringComparison.Ordinal);
        Assert.Single(NormalizeAll(json));
    }

    [Fact]
    public void Takes_the_article_count_limit_from_its_options()
    {
        var json = """[{"title": "A", "body": "B"}, {"title": "C", "body": "D"}, {"title": "E", "body": "F"}]""";
        var strict = new JsonNormalizer(new HtmlNormalizer(), Options.Create(new JsonNormalizerOptions { MaxArticles = 2 }));

        var exception = Assert.Throws<NormalizationException>(() => strict.Normalize(new SourceDocument("export.json", Encoding.UTF8.GetBytes(json))));

        Assert.Equal(NormalizationErrorCode.TooLarge, exception.Code);
    }

    [Fact]
    public void Rejects_a_million_nested_arrays_without_overflowing_the_stack()
    {
        var exception = Reject(new string('[', 1_000_000));

        Assert.Equal(NormalizationErrorCode.Malformed, exception.Code);
    }

    [Fact]
    public void Accepts_json_nested_up_to_the_limit()
    {
        var json = $"{{\"title\": \"A\", \"body\": \"B\", \"extra\": {new string('[', 62)}{new string(']', 62)}}}";

        Assert.Equal("A", Normalize(json).Title);
    }

    [Theory]
    [InlineData("""{}""", NormalizationErrorCode.NoText)]
    [InlineData("""{"title": "A"}""", NormalizationErrorCode.NoText)]
    [InlineData("""{"title": "A", "body": "   "}""", NormalizationErrorCode.NoText)]
    [InlineData("""{"name": "pipeline", "version": "1.0.0"}""", NormalizationErrorCode.NoText)]
    [InlineData("""{"@type": "Recipe", "name": "Soup"}""", NormalizationErrorCode.NoText)]
    [InlineData("""{"body": "A very long opening line that runs on and on. It is a whole paragraph, not a title, because it keeps going with sentence after sentence after sentence after sentence after sentence after sentence after sentence after sentence after sentence after sentence after sentence after sentence after sentence and sentence.\n\nMore."}""", NormalizationErrorCode.NoTitle)]
    public void Rejects_objects_without_article_text_or_title(string json, NormalizationErrorCode code)
    {
        Assert.Equal(code, Reject(json).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public void Rejects_empty_and_whitespace_json_as_empty(string json)
    {
        Assert.Equal(NormalizationErrorCode.Empty, Reject(json).Code);
    }

    [Fact]
    public void Reads_json_behind_a_utf8_byte_order_mark()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"title": "Café reopens", "body": "B."}""")];

        Assert.Equal("Café reopens", Assert.Single(NormalizeAll(json)).Title);
    }

    [Fact]
    public void Reads_utf16_json_with_its_byte_order_mark()
    {
        var json = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("""{"title": "Київ", "body": "Текст."}""")).ToArray();

        Assert.Equal("Київ", Assert.Single(NormalizeAll(json)).Title);
    }

    [Fact]
    public void Reads_windows_1252_json()
    {
        byte[] json = [.. Encoding.ASCII.GetBytes("""{"title": "Price: """), 0xA3, .. Encoding.ASCII.GetBytes("""5", "body": "B."}""")];

        Assert.Equal("Price: £5", Assert.Single(NormalizeAll(json)).Title);
    }

    [Fact]
    public void Removes_control_characters_from_values()
    {
        var article = Normalize("""{"title": "Bell\u0007 rings", "body": "Line\u0000 one."}""");

        Assert.Equal("Bell rings", article.Title);
        Assert.Equal(["Line one."], Paragraphs(article));
    }
}
