namespace Pipeline.Bench.Relevance.Collections;

/// <summary>One document of a test collection, in the collection's own fields.</summary>
/// <param name="Id">The id the relevance judgments use (which is not always the id printed in the file).</param>
/// <param name="Title">The collection's title field, or empty when the collection has none.</param>
internal sealed record CollectionDocument(int Id, string Title, IReadOnlyList<string> Authors, string Body);

/// <param name="Id">The id the relevance judgments use.</param>
internal sealed record CollectionQuery(int Id, string Text);

/// <summary>A classic IR test collection: documents, queries and graded relevance judgments.</summary>
/// <param name="Judgments">Per query id, the relevant documents and their gain (1 for binary judgments).</param>
/// <param name="JudgmentsDescription">How the judgment file was read, for the report.</param>
internal sealed record TestCollection(
    string Name,
    IReadOnlyList<CollectionDocument> Documents,
    IReadOnlyList<CollectionQuery> Queries,
    IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> Judgments,
    bool IsGraded,
    string JudgmentsDescription)
{
    /// <summary>Queries with at least one relevant document; the others cannot be scored.</summary>
    public IReadOnlyList<CollectionQuery> JudgedQueries =>
        Queries.Where(q => Judgments.TryGetValue(q.Id, out var relevant) && relevant.Count > 0).ToList();
}
