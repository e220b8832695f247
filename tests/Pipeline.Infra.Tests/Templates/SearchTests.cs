using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests.Templates;

public sealed class SearchTests(CompiledTemplates templates)
{
    [Fact]
    public void Search_service_is_basic_by_default()
    {
        var (template, search) = templates.Main.SingleResourceOfType("Microsoft.Search/searchServices");

        Assert.Equal("basic", templates.Main.ResolveText(JsonValue.Create("[parameters('searchSkuName')]")));
        // The module gets that tier unless vnetEnabled asks for private endpoints on free (NetworkTests).
        Assert.EndsWith("createObject('value', parameters('searchSkuName')))]", template.ResolveText(search["sku"]!["name"]));
    }

    [Fact]
    public void Search_service_accepts_only_entra_id_requests()
    {
        var (_, search) = templates.Main.SingleResourceOfType("Microsoft.Search/searchServices");

        Assert.True((bool)search["properties"]!["disableLocalAuth"]!);
        Assert.Null(search["properties"]!["authOptions"]);
    }
}
