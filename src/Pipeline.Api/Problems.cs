using Microsoft.AspNetCore.Http;
using Pipeline.Api.Binding;
using Pipeline.Core.Search;

namespace Pipeline.Api;

/// <summary>RFC 7807 problem+json responses used by the API.</summary>
internal static class Problems
{
    public const string InvalidRequestTitle = "Invalid request";

    public static IResult BadRequest(string detail) =>
        Results.Problem(title: InvalidRequestTitle, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A parameter the user got wrong: names it, and where in its value the mistake is when that is known.</summary>
    public static IResult InvalidParameter(InvalidSearchRequestException exception)
    {
        var extensions = new Dictionary<string, object?> { ["parameter"] = exception.Parameter };
        if (exception.Position is { } position)
        {
            extensions["position"] = position;
        }

        return Results.Problem(
            title: InvalidRequestTitle, detail: exception.Message, statusCode: StatusCodes.Status400BadRequest, extensions: extensions);
    }

    public static IResult Rejected(RequestRejectedException exception) =>
        Results.Problem(title: exception.Title, detail: exception.Message, statusCode: exception.StatusCode);

    public static IResult InvalidArticleId(string id) =>
        InvalidParameter(new InvalidSearchRequestException(
            "id", $"'{Text.Truncate(id)}' is not an article id: ids are lower-case letters, digits and dashes."));

    public static IResult ArticleNotFound(string id) =>
        Results.Problem(title: "Article not found", detail: $"No article with id '{id}' is indexed.", statusCode: StatusCodes.Status404NotFound);

    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
