namespace Pipeline.Api;

/// <summary>
/// Routes relative to the <c>/api</c> prefix. The Functions host adds that prefix itself, so the function attributes
/// use these as they are; the local host prepends <see cref="Prefix"/>.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";
    public const string Search = "search";
    public const string Suggest = "suggest";
    public const string Article = "articles/{id}";
    public const string Related = "articles/{id}/related";
    public const string Health = "health";
    public const string RecentUploads = "ingest/recent";
    public const string OpenApi = "openapi.json";
    public const string Docs = "docs";
}
