using Pipeline.Core.Search;

namespace Pipeline.Api.Tests.Support;

/// <summary>Hits with every property set, for the tests of how the API shapes what a backend returns.</summary>
internal static class SearchHits
{
    public static SearchHit Ukraine { get; } = new(
        "ukraine-peace-talks-8f9241ac",
        "Ukraine Seeks New Peace Talks With Russia Amid Ongoing Violence",
        1.5,
        ["Jordan Hayes"],
        new DateTimeOffset(2025, 7, 14, 8, 0, 0, TimeSpan.Zero),
        "an immediate <em>ceasefire</em>")
    {
        Tags = ["politics", "war"],
        Language = "en",
        Source = "news",
        SiteName = "Daily Mail",
        Format = "plainText",
        Summary = "Ukraine seeks new peace talks.",
        Highlights = new Dictionary<string, IReadOnlyList<string>> { ["body"] = ["an immediate <em>ceasefire</em>"] },
    };

    public static SearchHit Zurich { get; } = new(
        "zurich-cafe-0a1b2c3d",
        "Zürich café „Grüezi“ – 東京 & Київ",
        0.75,
        [],
        null,
        null);
}
