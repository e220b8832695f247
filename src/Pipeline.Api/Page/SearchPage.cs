using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Api.Page;

/// <summary>
/// The search page: <c>index.html</c>, <c>page.css</c> and <c>page.js</c> from this folder, embedded in the assembly
/// as they are written (no build step), and served at <see cref="PageRoutes.Root"/> by both hosts. The page only
/// calls the API, so it needs nothing from the server but these three files.
/// </summary>
public static class SearchPage
{
    private const string IndexFile = "index.html";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [IndexFile] = "text/html; charset=utf-8",
        ["page.css"] = "text/css; charset=utf-8",
        ["page.js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(Load);

    /// <summary>The names <see cref="Asset"/> serves.</summary>
    public static IReadOnlyCollection<string> AssetNames { get; } = [.. ContentTypes.Keys.Where(name => name != IndexFile)];

    /// <summary>The page itself; the view (search, article, uploads) is chosen by its script from the query string.</summary>
    public static IResult Index(HttpResponse response) => File(response, IndexFile);

    /// <summary>The page's stylesheet or script by name; anything else is a 404 problem.</summary>
    public static IResult Asset(HttpResponse response, string name) =>
        ContentTypes.ContainsKey(name) && name != IndexFile ? File(response, name) : Problems.NotFound($"The page has no file named '{Binding.Text.Truncate(name)}'.");

    private static IResult File(HttpResponse response, string name)
    {
        // Revalidate on every load so that a new deployment's page never runs with the previous one's script.
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        // Only this origin's own script, style and API: the page loads nothing from elsewhere.
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return Results.Bytes(Files.Value[name], ContentTypes[name]);
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(SearchPage).Assembly;
        return ContentTypes.Keys.ToFrozenDictionary(name => name, name => Read(assembly, name), StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream($"{typeof(SearchPage).Namespace}.{name}")
            ?? throw new InvalidOperationException($"The search page's '{name}' is not embedded in {assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
