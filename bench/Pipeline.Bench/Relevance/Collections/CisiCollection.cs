namespace Pipeline.Bench.Relevance.Collections;

/// <summary>CISI (library science): titled abstracts with authors; binary judgments.</summary>
internal static class CisiCollection
{
    public static TestCollection Load(string directory)
    {
        var documents = DotFieldRecord.ReadAll(Path.Combine(directory, "CISI.ALL"))
            .Select(r => new CollectionDocument(r.Number, r.Field('T'), r.Values('A'), r.Field('W')))
            .ToList();

        // Queries 58-112 are written like documents: the request is the title plus the text (their authors are not asked for).
        var queries = DotFieldRecord.ReadAll(Path.Combine(directory, "CISI.QRY"))
            .Select(r => new CollectionQuery(r.Number, (r.Field('T') + "\n" + r.Field('W')).Trim()))
            .ToList();

        var judgments = new Dictionary<int, Dictionary<int, int>>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "CISI.REL")))
        {
            var columns = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length >= 2)
            {
                Judgments.Add(judgments, int.Parse(columns[0]), int.Parse(columns[1]), 1);
            }
        }

        return new TestCollection("CISI", documents, queries, Judgments.Freeze(judgments), IsGraded: false, "`CISI.REL`, binary; query = title + text for the document-like queries 58–112");
    }
}
