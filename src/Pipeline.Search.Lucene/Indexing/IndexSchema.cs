using Lucene.Net.Index;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Pipeline.Search.Lucene.Indexing;

/// <summary>
/// The version of the document layout (fields, doc values, encodings) an index was written with, kept in the commit's
/// user data. An index without one predates versioning, which is version 1.
/// </summary>
internal static class IndexSchema
{
    /// <summary>
    /// 1: id, title, body, authors, published (a sentinel for no date), title and authors in the summary.
    /// 2: tags, language, source, siteName, format, keyphrases, lead and fingerprint; exact values for filters and
    /// facets; published absent when unknown; title words and prefixes for suggestions.
    /// 3: the source version in doc values, for version checks without loading articles.
    /// </summary>
    public const int Current = 3;

    public const string UserDataKey = "pipeline.schema";

    public static IDictionary<string, string> UserData { get; } = new Dictionary<string, string> { [UserDataKey] = Current.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <returns>The version of the last commit in <paramref name="directory"/>, or null when it holds no index.</returns>
    public static int? VersionOf(LuceneDirectory directory)
    {
        if (!DirectoryReader.IndexExists(directory))
        {
            return null;
        }

        var commit = DirectoryReader.ListCommits(directory).Last();
        return commit.UserData.TryGetValue(UserDataKey, out var value) && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : 1;
    }
}
