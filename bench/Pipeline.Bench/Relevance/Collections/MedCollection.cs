namespace Pipeline.Bench.Relevance.Collections;

/// <summary>MED (Medline): abstracts without a title field; binary TREC-style judgments.</summary>
internal static class MedCollection
{
    public static TestCollection Load(string directory)
    {
        var documents = DotFieldRecord.ReadAll(Path.Combine(directory, "MED.ALL"))
            .Select(r => new CollectionDocument(r.Number, string.Empty, [], r.Field('W')))
            .ToList();
        var queries = DotFieldRecord.ReadAll(Path.Combine(directory, "MED.QRY"))
            .Select(r => new CollectionQuery(r.Number, r.Field('W')))
            .ToList();

        var judgments = new Dictionary<int, Dictionary<int, int>>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "MED.REL")))
        {
            // <query> 0 <doc> <relevance>
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length == 4 && int.Parse(columns[3]) > 0)
            {
                Judgments.Add(judgments, int.Parse(columns[0]), int.Parse(columns[2]), 1);
            }
        }

        return new TestCollection("MED", documents, queries, Judgments.Freeze(judgments), IsGraded: false, "`MED.REL`, binary");
    }
}
