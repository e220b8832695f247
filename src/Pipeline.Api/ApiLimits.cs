using Pipeline.Core.Search;

namespace Pipeline.Api;

/// <summary>Documented request limits; over a limit is a 400 with a message, never a 5xx.</summary>
public static class ApiLimits
{
    public const int MaxQueryLength = 1_000;
    public const int MaxTop = SearchRequest.MaxTop;
    public const int MaxSkip = 100_000;
    public const int MaxSimilar = 50;
}
