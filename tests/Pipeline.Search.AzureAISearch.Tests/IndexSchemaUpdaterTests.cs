using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Pipeline.Core.Search;

namespace Pipeline.Search.AzureAISearch.Tests;

/// <summary>The index is created on first use, and an index an older version created grows the fields it lacks.</summary>
public sealed class IndexSchemaUpdaterTests
{
    // The definition the previous version created: no tags, siteName, keyphrases..., source not facetable, no suggester.
    private const string OlderIndex = """
        {
          "name": "articles",
          "@odata.etag": "\"0x8DD1\"",
          "fields": [
            { "name": "id", "type": "Edm.String", "key": true, "searchable": false, "filterable": true, "sortable": true, "facetable": false, "retrievable": true },
            { "name": "title", "type": "Edm.String", "searchable": true, "filterable": false, "sortable": false, "facetable": false, "retrievable": true, "analyzer": "en.lucene" },
            { "name": "body", "type": "Edm.String", "searchable": true, "filterable": false, "sortable": false, "facetable": false, "retrievable": true, "analyzer": "en.lucene" },
            { "name": "authors", "type": "Collection(Edm.String)", "searchable": true, "filterable": true, "sortable": false, "facetable": true, "retrievable": true, "analyzer": "en.lucene" },
            { "name": "published", "type": "Edm.DateTimeOffset", "searchable": false, "filterable": true, "sortable": true, "facetable": true, "retrievable": true },
            { "name": "language", "type": "Edm.String", "searchable": false, "filterable": true, "sortable": false, "facetable": true, "retrievable": true },
            { "name": "format", "type": "Edm.String", "searchable": false, "filterable": true, "sortable": false, "facetable": true, "retrievable": true },
            { "name": "source", "type": "Edm.String", "searchable": false, "filterable": true, "sortable": false, "facetable": false, "retrievable": true },
            { "name": "articleJson", "type": "Edm.String", "searchable": false, "filterable": false, "sortable": false, "facetable": false, "retrievable": true }
          ],
          "suggesters": [],
          "scoringProfiles": []
        }
        """;

    private readonly FakeSearchService _service = new();

    [Fact]
    public async Task A_new_index_is_created_with_every_field_and_the_title_suggester()
    {
        await _service.CreateIndex().SearchAsync(new SearchRequest("*"), TestContext.Current.CancellationToken);

        var definition = JsonNode.Parse(_service.IndexDefinitionWrites.Single().Body!)!;
        var fields = definition["fields"]!.AsArray().Select(f => (string?)f!["name"]).ToList();
        Assert.Equal(
            ["id", "title", "body", "authors", "tags", "published", "language", "source", "siteName", "format", "keyphrases", "fingerprint", "summary", "articleJson", "undated", "sourceETag", "sourceModified"],
            fields);
        var suggester = definition["suggesters"]!.AsArray().Single()!;
        Assert.Equal("titles", (string?)suggester["name"]);
        Assert.Equal("analyzingInfixMatching", (string?)suggester["searchMode"]);
        Assert.Equal("title", (string?)suggester["sourceFields"]![0]);
    }

    [Fact]
    public async Task The_index_is_defined_once_per_instance()
    {
        var index = _service.CreateIndex();

        await index.SearchAsync(new SearchRequest("*"), TestContext.Current.CancellationToken);
        await index.SearchAsync(new SearchRequest("storm"), TestContext.Current.CancellationToken);

        Assert.Single(_service.IndexDefinitionWrites);
    }

    [Fact]
    public async Task An_older_index_keeps_its_fields_and_gains_the_missing_ones()
    {
        RefuseTheNewDefinitionOfAnOlderIndex();

        await _service.CreateIndex().SearchAsync(new SearchRequest("*"), TestContext.Current.CancellationToken);

        var upgrade = JsonNode.Parse(_service.IndexDefinitionWrites.Last().Body!)!;
        var fields = upgrade["fields"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => f!);
        Assert.Equal(
            ["id", "title", "body", "authors", "published", "language", "format", "source", "articleJson", "tags", "siteName", "keyphrases", "fingerprint", "summary", "undated", "sourceETag", "sourceModified"],
            fields.Keys);
        Assert.False((bool?)fields["source"]["facetable"]);
        Assert.True((bool?)fields["tags"]["facetable"]);
        Assert.Empty(upgrade["suggesters"]!.AsArray());
    }

    [Fact]
    public async Task An_older_index_is_reported_with_what_only_a_rebuild_fixes()
    {
        RefuseTheNewDefinitionOfAnOlderIndex();
        var logger = new ListLogger<AzureAISearchArticleIndex>();

        await _service.CreateIndex(logger).SearchAsync(new SearchRequest("*"), TestContext.Current.CancellationToken);

        var warning = logger.Entries.Last(e => e.Level == LogLevel.Warning).Message;
        Assert.Contains("tags, siteName, keyphrases, fingerprint, summary, undated, sourceETag, sourceModified", warning, StringComparison.Ordinal);
        Assert.Contains("field 'source' should be facetable", warning, StringComparison.Ordinal);
        Assert.Contains("suggester 'titles' is missing", warning, StringComparison.Ordinal);
        Assert.Contains("re-ingest", warning, StringComparison.Ordinal);
    }

    private void RefuseTheNewDefinitionOfAnOlderIndex()
    {
        _service.IndexDefinitionAnswers.Enqueue((HttpStatusCode.BadRequest, FakeSearchService.Error(
            "Existing field 'source' cannot be changed because the index has documents.")));
        _service.ExistingIndex = (HttpStatusCode.OK, OlderIndex);
    }
}
