using System.Globalization;
using Pipeline.Bench.Extraction.Production;
using Pipeline.Core.Articles;

namespace Pipeline.Bench.Latency;

/// <summary>
/// Any number of distinct, deterministic articles made from the 2,225 BBC texts: each one recombines the title and
/// paragraphs of two stories of the same category, and gets tags, authors, a language, a source and a publication date
/// spread so that filters and facets select realistic fractions of the index.
/// </summary>
internal sealed class SyntheticArticles
{
    public static readonly DateTimeOffset FirstPublished = new(2004, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const int PublishedDays = 730;

    /// <summary>Topic tags per BBC category; every article also gets its category as a tag.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> TopicTags = new Dictionary<string, string[]>
    {
        ["business"] = ["markets", "economy", "companies", "europe", "asia", "us", "energy", "jobs"],
        ["entertainment"] = ["film", "music", "television", "awards", "theatre", "books", "celebrity", "europe"],
        ["politics"] = ["elections", "uk", "europe", "parliament", "health", "education", "immigration", "us"],
        ["sport"] = ["football", "rugby", "tennis", "athletics", "cricket", "europe", "olympics", "transfers"],
        ["tech"] = ["internet", "mobile", "games", "security", "software", "music", "asia", "us"],
    };

    /// <summary>Language codes and their weight out of 100: mostly English, as a news index would be.</summary>
    public static readonly IReadOnlyList<(string Code, int Weight)> Languages = [("en", 80), ("fr", 8), ("de", 6), ("es", 4), ("it", 2)];

    private static readonly (string Source, string SiteName)[] Sources =
        [("bbc", "BBC News"), ("wire", "Newswire"), ("blogs", "Pipeline Blogs"), ("partners", "Partner Feed")];

    private static readonly string[] FirstNames =
        ["Alice", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo", "Isla", "Jamal", "Kate", "Liam", "Maya", "Noah", "Olga", "Priya", "Quentin", "Rosa", "Sam", "Tariq"];

    private static readonly string[] LastNames =
        ["Adams", "Brown", "Clarke", "Davies", "Evans", "Fischer", "Garcia", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Moore", "Nowak", "Owen", "Patel", "Quinn", "Roberts", "Smith", "Taylor"];

    private readonly IReadOnlyList<Story> _stories;
    private readonly Dictionary<string, List<Story>> _byCategory;

    public SyntheticArticles(IReadOnlyList<BbcFile> files)
    {
        _stories = files.Select(Story.From).ToList();
        _byCategory = _stories.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.ToList());
    }

    public int StoryCount => _stories.Count;

    public static string IdOf(int index) => "synthetic-" + index.ToString("D6", CultureInfo.InvariantCulture);

    public IEnumerable<Article> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Create(i);
        }
    }

    /// <summary>The titles of the stories, a source of realistic query words.</summary>
    public IEnumerable<string> Titles => _stories.Select(s => s.Title);

    public Article Create(int index)
    {
        var random = new Random(index);
        var story = _stories[index % _stories.Count];
        var round = index / _stories.Count;
        var sameCategory = _byCategory[story.Category];
        var partner = sameCategory[random.Next(sameCategory.Count)];

        // The first round is the corpus as it is; later rounds mix in the partner's headline and paragraphs.
        var title = round == 0 ? story.Title : MixTitles(story.Title, partner.Title, random);
        var paragraphs = round == 0 ? story.Paragraphs : MixParagraphs(story.Paragraphs, partner.Paragraphs, random);
        var body = string.Join("\n\n", paragraphs);

        var topics = TopicTags[story.Category];
        var tags = new List<string> { story.Category, topics[random.Next(topics.Length)] };
        if (random.Next(3) == 0)
        {
            tags.Add(topics[random.Next(topics.Length)]);
        }

        var (source, siteName) = Sources[random.Next(Sources.Length)];
        var authorCount = random.Next(4) == 0 ? 2 : 1;
        var authors = Enumerable.Range(0, authorCount)
            .Select(_ => FirstNames[random.Next(FirstNames.Length)] + " " + LastNames[random.Next(LastNames.Length)])
            .Distinct()
            .ToList();
        var wordCount = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

        return new Article
        {
            Id = IdOf(index),
            Source = new ArticleOrigin($"{source}/{story.Category}/{index:D6}.txt"),
            Format = ArticleFormat.PlainText,
            Title = title,
            Authors = authors,
            Published = FirstPublished.AddDays(random.Next(PublishedDays)).AddMinutes(random.Next(24 * 60)),
            SiteName = siteName,
            Sections = [new ArticleSection(null, paragraphs)],
            Body = body,
            Tags = tags.Distinct().ToList(),
            Language = PickLanguage(random.Next(100)),
            WordCount = wordCount,
            ReadingTimeMinutes = Math.Max(1, (wordCount + 237) / 238),
            Summary = paragraphs.Count > 0 ? paragraphs[0] : null,
            ContentHash = index.ToString("x64", CultureInfo.InvariantCulture),
            IngestedAt = FirstPublished.AddDays(PublishedDays),
        };
    }

    private static string PickLanguage(int percentile)
    {
        foreach (var (code, weight) in Languages)
        {
            if (percentile < weight)
            {
                return code;
            }

            percentile -= weight;
        }

        return Languages[0].Code;
    }

    private static string MixTitles(string title, string other, Random random)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var otherWords = other.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var keep = Math.Max(1, words.Length / 2 + random.Next(2));
        var take = Math.Max(1, otherWords.Length - otherWords.Length / 2);
        return string.Join(' ', words.Take(keep).Concat(otherWords.Skip(otherWords.Length - take)));
    }

    private static List<string> MixParagraphs(IReadOnlyList<string> paragraphs, IReadOnlyList<string> other, Random random)
    {
        // The lead stays first (it reads as the story's opening); the rest rotate and gain up to two of the partner's paragraphs.
        var rest = paragraphs.Skip(1).ToList();
        var rotation = rest.Count == 0 ? 0 : random.Next(rest.Count);
        var mixed = new List<string>(paragraphs.Take(1));
        mixed.AddRange(rest.Skip(rotation).Concat(rest.Take(rotation)));
        foreach (var paragraph in other.Skip(1).OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
        {
            mixed.Insert(1 + random.Next(mixed.Count), paragraph);
        }

        return mixed;
    }

    private sealed record Story(string Category, string Title, IReadOnlyList<string> Paragraphs)
    {
        public static Story From(BbcFile file) => new(
            file.RelativeName.Split('/')[0],
            file.Title.Trim(),
            file.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
                .Where(p => p.Length > 0)
                .ToList());
    }
}
