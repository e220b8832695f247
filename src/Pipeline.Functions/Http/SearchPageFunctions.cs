using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Api;
using Pipeline.Api.Page;

namespace Pipeline.Functions.Http;

/// <summary>
/// The search page at the site root, and what ingest made of the latest uploads for its uploads view. The page is
/// anonymous (it holds no data; it asks for the function key once and sends it with each API call); the data is not.
/// </summary>
public sealed class SearchPageFunctions(IngestStatusApi ingestStatus)
{
    // The Functions host takes an empty route for "no route given" and uses the function name instead; a parameter
    // that may only be empty matches the site root and nothing else.
    internal const string SiteRoot = "{ignored:maxlength(0)?}";

    [Function("SearchPage")]
    public IResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SiteRoot)] HttpRequest request) =>
        SearchPage.Index(request.HttpContext.Response);

    [Function("SearchPageAsset")]
    public IResult Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PageRoutes.Asset)] HttpRequest request,
        string name) =>
        SearchPage.Asset(request.HttpContext.Response, name);

    [Function("RecentUploads")]
    public Task<IResult> RecentUploadsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ArticleApiFunctions.Api + ApiRoutes.RecentUploads)] HttpRequest request,
        CancellationToken cancellationToken) =>
        ingestStatus.GetRecentUploadsAsync(request, cancellationToken);
}
