namespace Pipeline.Api.Binding;

/// <summary>The query-string parameters one endpoint takes: their names, <c>$</c>-prefixed OData spellings, and which may repeat.</summary>
internal sealed class QueryParameterSet
{
    /// <summary>
    /// Accepted by every endpoint and ignored: <c>code</c> carries the Functions key, <c>api-version</c> is what Azure AI
    /// Search clients send by habit.
    /// </summary>
    public static IReadOnlyList<string> HostParameters { get; } = ["code", "api-version"];

    private readonly Dictionary<string, string> _canonicalBySpelling = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _repeatable;

    public QueryParameterSet(IReadOnlyList<string> names, IReadOnlyList<string>? odataNames = null, IReadOnlyList<string>? repeatable = null)
    {
        Names = names;
        foreach (var name in names)
        {
            _canonicalBySpelling.Add(name, name);
        }

        foreach (var name in odataNames ?? [])
        {
            _canonicalBySpelling.Add("$" + name, name);
        }

        _repeatable = [.. repeatable ?? []];
    }

    public static QueryParameterSet None { get; } = new([]);

    /// <summary>The canonical names, in the order messages list them.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool TryResolve(string spelling, out string name) => _canonicalBySpelling.TryGetValue(spelling, out name!);

    public bool IsRepeatable(string name) => _repeatable.Contains(name);

    public bool IsHostParameter(string spelling) => HostParameters.Contains(spelling, StringComparer.OrdinalIgnoreCase);
}
