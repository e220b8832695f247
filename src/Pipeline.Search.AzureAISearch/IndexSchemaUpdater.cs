using Azure;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Indexes.Models;
using Microsoft.Extensions.Logging;

namespace Pipeline.Search.AzureAISearch;

/// <summary>
/// Brings the service's index up to the wanted definition. A new index is created as defined. An index an older
/// version created can only grow: the service adds fields but refuses to change existing ones or to put a suggester
/// on them, so the missing fields are added, and whatever still differs is logged with what to do about it.
/// </summary>
internal sealed partial class IndexSchemaUpdater(SearchIndexClient client, ILogger logger)
{
    public async Task EnsureAsync(SearchIndex wanted, CancellationToken cancellationToken)
    {
        try
        {
            await client.CreateOrUpdateIndexAsync(wanted, cancellationToken: cancellationToken);
            return;
        }
        catch (RequestFailedException ex) when (ex.Status == 400)
        {
            LogDefinitionRefused(wanted.Name, ex.Message.Split('\n')[0]);
        }

        SearchIndex existing = await client.GetIndexAsync(wanted.Name, cancellationToken);
        var added = AddMissingFields(existing, wanted);
        var outdated = Differences(existing, wanted);
        if (added.Count > 0)
        {
            await client.CreateOrUpdateIndexAsync(existing, cancellationToken: cancellationToken);
        }

        LogIndexUpgraded(wanted.Name, added.Count == 0 ? "none" : string.Join(", ", added), outdated.Count == 0 ? "none" : string.Join("; ", outdated));
    }

    /// <summary>Adds the wanted fields the existing index lacks; returns their names.</summary>
    internal static IReadOnlyList<string> AddMissingFields(SearchIndex existing, SearchIndex wanted)
    {
        var names = existing.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Fields.Where(f => !names.Contains(f.Name)).ToList();
        foreach (var field in missing)
        {
            existing.Fields.Add(field);
        }

        return missing.Select(f => f.Name).ToList();
    }

    /// <summary>What the existing index still lacks that only a rebuild can give it.</summary>
    internal static IReadOnlyList<string> Differences(SearchIndex existing, SearchIndex wanted)
    {
        var differences = new List<string>();
        foreach (var field in wanted.Fields)
        {
            var current = existing.Fields.FirstOrDefault(f => f.Name == field.Name);
            if (current is null)
            {
                continue;
            }

            var missing = new List<string>();
            Compare("filterable", field.IsFilterable, current.IsFilterable, missing);
            Compare("facetable", field.IsFacetable, current.IsFacetable, missing);
            Compare("sortable", field.IsSortable, current.IsSortable, missing);
            Compare("searchable", field.IsSearchable, current.IsSearchable, missing);
            if (field.Type != current.Type)
            {
                missing.Add($"type {field.Type}");
            }

            if (missing.Count > 0)
            {
                differences.Add($"field '{field.Name}' should be {string.Join(", ", missing)}");
            }
        }

        foreach (var suggester in wanted.Suggesters.Where(s => existing.Suggesters.All(e => e.Name != s.Name)))
        {
            differences.Add($"suggester '{suggester.Name}' is missing, so suggestions fail");
        }

        return differences;
    }

    private static void Compare(string attribute, bool? wanted, bool? current, List<string> missing)
    {
        if ((wanted ?? false) != (current ?? false))
        {
            missing.Add((wanted ?? false) ? attribute : "not " + attribute);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index {IndexName} refused the current definition ({Reason}); upgrading it in place")]
    private partial void LogDefinitionRefused(string indexName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Search index {IndexName} was created by an older version. Added fields: {AddedFields}. Still outdated: {Outdated}. " +
        "Delete the index and re-ingest the articles to get filters, facets and suggestions on every field.")]
    private partial void LogIndexUpgraded(string indexName, string addedFields, string outdated);
}
