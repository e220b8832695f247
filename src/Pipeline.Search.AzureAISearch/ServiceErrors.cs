using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Pipeline.Core.Search;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// Reads the service's 400 answers as the caller's mistake: which request parameter it names and, where the service
/// points at the caller's own text, where. Everything else stays a service failure.
/// </summary>
internal static partial class ServiceErrors
{
    /// <summary>The mistake the service reported, or null when the failure is not the caller's (not a 400).</summary>
    /// <param name="queryIsVerbatim">Whether the query text was sent as the caller typed it, so a column in it is theirs.</param>
    public static InvalidSearchRequestException? AsInvalidRequest(RequestFailedException exception, bool queryIsVerbatim)
    {
        if (exception.Status != 400)
        {
            return null;
        }

        var message = ServiceMessage(exception);
        var parameter = ParameterOf(message);
        var text = ParameterNameLine().Replace(message, string.Empty).Trim();
        int? position = null;
        if (parameter == "q" && queryIsVerbatim && QueryColumn().Match(text) is { Success: true } column)
        {
            position = int.Parse(column.Groups["column"].Value, CultureInfo.InvariantCulture) - 1;
        }

        return new InvalidSearchRequestException(parameter, text, position, exception);
    }

    private static string ParameterOf(string message)
    {
        var named = ParameterNameLine().Match(message) is { Success: true } match ? match.Groups["name"].Value.TrimStart('$') : null;
        return named switch
        {
            "filter" => "filter",
            "orderby" => "orderby",
            "select" => "select",
            "searchFields" => "searchFields",
            "highlight" => "highlight",
            "facet" or "facets" => "facet",
            _ when message.Contains("facet", StringComparison.OrdinalIgnoreCase) => "facet",
            _ => "q",
        };
    }

    // The error body is {"error":{"code":"","message":"..."}}; the exception message wraps it in diagnostics.
    private static string ServiceMessage(RequestFailedException exception)
    {
        var content = exception.GetRawResponse()?.Content;
        if (content is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(content.ToMemory());
                if (document.RootElement.TryGetProperty("error", out var error) &&
                    error.TryGetProperty("message", out var message) &&
                    message.GetString() is { Length: > 0 } text)
                {
                    return text;
                }
            }
            catch (JsonException)
            {
            }
        }

        return exception.Message.Split('\n')[0].Trim();
    }

    [GeneratedRegex(@"\r?\n?Parameter name: (?<name>\S+)")]
    private static partial Regex ParameterNameLine();

    [GeneratedRegex(@"at line 1, column (?<column>\d+)")]
    private static partial Regex QueryColumn();
}
