using Microsoft.AspNetCore.Http;

namespace Pipeline.Api;

/// <summary>RFC 7807 problem+json responses used by the API.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail) =>
        Results.Problem(title: "Invalid request", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult InvalidArticleId(string id) =>
        BadRequest($"'{QueryParameters.Truncate(id)}' is not an article id: ids are lower-case letters, digits and dashes.");

    public static IResult ArticleNotFound(string id) =>
        Results.Problem(title: "Article not found", detail: $"No article with id '{id}' is indexed.", statusCode: StatusCodes.Status404NotFound);
}
