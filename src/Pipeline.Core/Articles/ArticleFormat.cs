using System.Text.Json.Serialization;
using Pipeline.Core.Serialization;

namespace Pipeline.Core.Articles;

[JsonConverter(typeof(PipelineEnumConverter<ArticleFormat>))]
public enum ArticleFormat
{
    PlainText,
    Html,
    Markdown,
    Json,
}
