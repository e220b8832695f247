namespace Pipeline.Core.Search;

/// <summary>
/// A search request a user got wrong: bad query syntax, an unknown field, a malformed filter. The HTTP API turns it
/// into a 400 problem naming <see cref="Parameter"/> and, when known, the <see cref="Position"/> of the mistake.
/// </summary>
public sealed class InvalidSearchRequestException : Exception
{
    public InvalidSearchRequestException(string parameter, string message, int? position = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Parameter = parameter;
        Position = position;
    }

    /// <summary>The request parameter at fault: "q", "filter", "facet", "orderby", "searchFields", "highlight", "select".</summary>
    public string Parameter { get; }

    /// <summary>Zero-based character offset in the parameter's value where the mistake was found.</summary>
    public int? Position { get; }
}
