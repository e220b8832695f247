using System.Text;
using Pipeline.Core.Articles;

namespace Pipeline.Testing.Articles;

/// <summary>
/// Real news articles from the BBC corpus in <c>../shared/corpora/bbc</c> (line 1 the headline, then paragraphs
/// separated by blank lines). Tests that use them are skipped when the shared data is absent.
/// </summary>
public static class BbcArticles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="category">business, entertainment, politics, sport or tech.</param>
    /// <param name="number">The file number, 1 for <c>001.txt</c>.</param>
    public static Article Load(string category, int number)
    {
        var blobName = $"bbc/{category}/{number:000}.txt";
        var path = TestData.RequireShared("corpora", "bbc", category, $"{number:000}.txt");
        var lines = Decode(File.ReadAllBytes(path)).Split('\n');
        var paragraphs = string.Join('\n', lines.Skip(1))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToArray();

        return ArticleBuilder.Article(ArticleId.FromBlobName(blobName))
            .WithTitle(lines[0].Trim())
            .WithBody(paragraphs)
            .WithSource(new ArticleOrigin(blobName, ContentType: "text/plain"))
            .Build();
    }

    // One file of the corpus holds a Windows-1252 pound sign; every other one is UTF-8.
    private static string Decode(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
