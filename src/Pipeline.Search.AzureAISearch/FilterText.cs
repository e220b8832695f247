using Pipeline.Core.Search;
using Pipeline.Core.Search.Filtering;

namespace Pipeline.Search.AzureAISearch;

/// <summary>The OData text a filter is sent as; a tree no filter text can express is the caller's mistake.</summary>
internal static class FilterText
{
    public static string? From(FilterExpression? filter)
    {
        if (filter is null)
        {
            return null;
        }

        try
        {
            return ODataFilterWriter.Write(filter);
        }
        catch (ArgumentException ex)
        {
            // A request built in code rather than parsed can hold such a tree; it must not become a server error.
            var message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new InvalidSearchRequestException("filter", message, innerException: ex);
        }
    }
}
