using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Pipeline.Core.Search;

namespace Pipeline.Api.Binding;

/// <summary>
/// Reads one endpoint's query string. An unknown name is rejected rather than ignored: a misspelt <c>tpo=5</c> or
/// <c>filer=…</c> would otherwise quietly change the results. So is a parameter given twice (except the repeatable
/// ones), or given both as <c>filter</c> and <c>$filter</c>.
/// </summary>
/// <exception cref="InvalidSearchRequestException">From the constructor and every getter, naming the parameter.</exception>
internal sealed class QueryStringReader
{
    private readonly QueryParameterSet _parameters;
    private readonly Dictionary<string, StringValues> _values = new(StringComparer.Ordinal);

    public QueryStringReader(IQueryCollection query, QueryParameterSet parameters)
    {
        _parameters = parameters;
        foreach (var (spelling, values) in query)
        {
            if (_parameters.IsHostParameter(spelling))
            {
                continue;
            }

            if (!_parameters.TryResolve(spelling, out var name))
            {
                var known = _parameters.Names.Count == 0
                    ? "this endpoint takes no query parameters"
                    : "this endpoint takes " + string.Join(", ", _parameters.Names);
                throw new InvalidSearchRequestException(Text.Truncate(spelling), $"Unknown parameter '{Text.Truncate(spelling)}': {known}.");
            }

            if (_values.ContainsKey(name))
            {
                throw new InvalidSearchRequestException(name, $"'{name}' is given both as '{name}' and as '${name}'; give it once.");
            }

            if (values.Count > 1 && !_parameters.IsRepeatable(name))
            {
                throw new InvalidSearchRequestException(name, $"'{name}' is given {values.Count} times; give it once.");
            }

            _values.Add(name, values);
        }
    }

    public string? GetString(string name) => _values.TryGetValue(name, out var values) ? values.ToString() : null;

    public IReadOnlyList<string> GetAll(string name) =>
        _values.TryGetValue(name, out var values) ? [.. values.OfType<string>()] : [];

    public int? GetInt32(string name)
    {
        var raw = GetString(name);
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        return int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidSearchRequestException(name, $"'{name}' must be a whole number; got '{Text.Truncate(raw)}'.");
    }

    public bool? GetBoolean(string name)
    {
        var raw = GetString(name);
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        return bool.TryParse(raw, out var value)
            ? value
            : throw new InvalidSearchRequestException(name, $"'{name}' must be true or false; got '{Text.Truncate(raw)}'.");
    }
}
