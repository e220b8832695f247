namespace Pipeline.Api.Page;

/// <summary>Routes of the search page, from the site root (not under <c>/api</c>).</summary>
public static class PageRoutes
{
    /// <summary>The page: <c>/</c>.</summary>
    public const string Root = "";

    /// <summary>Its stylesheet and script: <c>/page/page.css</c>, <c>/page/page.js</c>.</summary>
    public const string Asset = "page/{name}";
}
