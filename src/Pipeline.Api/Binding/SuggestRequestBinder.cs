using Microsoft.AspNetCore.Http;
using Pipeline.Core.Search;
using Pipeline.Core.Search.Suggestions;
using Names = Pipeline.Api.Binding.SearchParameterNames;

namespace Pipeline.Api.Binding;

/// <summary>Binds the query string of <c>GET /api/suggest</c> to a <see cref="SuggestRequest"/>.</summary>
internal static class SuggestRequestBinder
{
    /// <exception cref="InvalidSearchRequestException">A value is missing, out of range, or not valid syntax.</exception>
    public static SuggestRequest Bind(IQueryCollection query)
    {
        var reader = new QueryStringReader(query, Names.SuggestQueryString);
        var text = ParameterRules.AtMost(Names.Query, reader.GetString(Names.Query), ApiLimits.MaxSuggestQueryLength);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidSearchRequestException(Names.Query, "'q' is required: the text typed so far, for example q=ukra.");
        }

        return new SuggestRequest(text, ParameterRules.InRange(Names.Top, reader.GetInt32(Names.Top), SuggestRequest.DefaultTop, 1, ApiLimits.MaxSuggestTop))
        {
            Fuzzy = reader.GetBoolean(Names.Fuzzy) ?? false,
            Filter = SearchRequestBinder.Filter(reader.GetString(Names.Filter)),
            PreTag = ParameterRules.AtMost(Names.HighlightPreTag, reader.GetString(Names.HighlightPreTag), ApiLimits.MaxHighlightTagLength)
                ?? HighlightRequest.DefaultPreTag,
            PostTag = ParameterRules.AtMost(Names.HighlightPostTag, reader.GetString(Names.HighlightPostTag), ApiLimits.MaxHighlightTagLength)
                ?? HighlightRequest.DefaultPostTag,
        };
    }
}
