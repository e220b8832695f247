using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Core.Serialization;

namespace Pipeline.Api;

/// <summary>
/// Applies <c>select</c> to a search response: each hit keeps only the selected properties. Done on the JSON, so the
/// response keeps the one shape <see cref="SearchResponse"/> defines and projected hits can never gain a property.
/// </summary>
internal static class SearchHitProjection
{
    public static JsonObject Apply(SearchResponse response, IReadOnlyList<string> select)
    {
        var json = JsonSerializer.SerializeToNode(response, PipelineJson.Options)!.AsObject();
        var keep = new HashSet<string>(select, StringComparer.Ordinal);
        foreach (var hit in json["value"]!.AsArray().OfType<JsonObject>())
        {
            foreach (var name in hit.Select(property => property.Key).Where(name => !keep.Contains(name)).ToList())
            {
                hit.Remove(name);
            }
        }

        return json;
    }
}
