using System.Text.Json.Serialization;

namespace Pipeline.Core.Articles;

[JsonConverter(typeof(JsonStringEnumConverter<ArticleFormat>))]
public enum ArticleFormat
{
    PlainText,
    Html,
    Markdown,
    Json,
}
