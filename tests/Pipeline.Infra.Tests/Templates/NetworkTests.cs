using System.Text.Json.Nodes;
using Pipeline.Infra.Tests.Arm;

namespace Pipeline.Infra.Tests.Templates;

/// <summary>
/// vnetEnabled: storage and search without public access, reached from the VNet-integrated app through private
/// endpoints; without it, public endpoints that take only Entra ID requests.
/// </summary>
public sealed class NetworkTests(CompiledTemplates templates)
{
    private const string VnetDisabled = "[not(parameters('vnetEnabled'))]";

    private ArmTemplate PrivateNetwork => templates.Main.Module("private-network");

    [Fact]
    public void Vnet_is_enabled_by_default_as_in_microsofts_flex_consumption_templates()
    {
        Assert.Equal("true", templates.Main.ResolveText(JsonValue.Create("[parameters('vnetEnabled')]")));
        Assert.Equal("${VNET_ENABLED=true}", (string?)AzdParameters()["vnetEnabled"]!["value"]);
    }

    [Fact]
    public void Private_network_is_deployed_only_when_vnet_is_enabled()
    {
        var module = templates.Main.Resources.Single(r => (string?)r["name"] == "private-network");

        Assert.Equal("[parameters('vnetEnabled')]", (string?)module["condition"]);
    }

    [Fact]
    public void Storage_turns_public_network_access_off_when_vnet_is_enabled()
    {
        var (template, account) = templates.Main.SingleResourceOfType("Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;

        Assert.Equal("[if(parameters('publicNetworkAccess'), 'Enabled', 'Disabled')]", (string?)properties["publicNetworkAccess"]);
        Assert.Equal("[if(parameters('publicNetworkAccess'), 'Allow', 'Deny')]", (string?)properties["networkAcls"]!["defaultAction"]);
        Assert.Equal(VnetDisabled, template.ResolveText(JsonValue.Create("[parameters('publicNetworkAccess')]")));
    }

    [Fact]
    public void Storage_lets_event_grid_through_as_a_trusted_azure_service()
    {
        var (_, account) = templates.Main.SingleResourceOfType("Microsoft.Storage/storageAccounts");

        Assert.Equal("AzureServices", (string?)account["properties"]!["networkAcls"]!["bypass"]);
    }

    [Fact]
    public void Search_turns_public_network_access_off_when_vnet_is_enabled()
    {
        var (template, search) = templates.Main.SingleResourceOfType("Microsoft.Search/searchServices");

        Assert.Equal("[if(parameters('publicNetworkAccess'), 'enabled', 'disabled')]", (string?)search["properties"]!["publicNetworkAccess"]);
        Assert.Equal(VnetDisabled, template.ResolveText(JsonValue.Create("[parameters('publicNetworkAccess')]")));
    }

    [Fact]
    public void Free_search_tier_with_vnet_fails_with_a_message_naming_the_way_out()
    {
        // The module's parameter is one expression, not a { value } object: fail() only runs on the branch taken.
        var search = templates.Main.Resources.Single(r => (string?)r["name"] == "search");
        var skuName = (string?)search["properties"]!["parameters"]!["skuName"];

        Assert.Contains("and(parameters('vnetEnabled'), equals(parameters('searchSkuName'), 'free'))", skuName);
        Assert.Contains("fail(", skuName);
        Assert.Contains("azd env set VNET_ENABLED false", skuName);
    }

    [Theory]
    [InlineData("blob")]
    [InlineData("queue")]
    [InlineData("table")]
    public void Storage_service_has_a_private_endpoint_in_the_zone_of_the_deployment_cloud(string service)
    {
        Assert.Contains(service, PrivateNetwork.Resolve(JsonValue.Create("[variables('storageServices')]"))!.AsArray().Select(s => (string?)s));

        var endpoints = PrivateNetwork.Resources.Single(r => ((string?)r["name"])!.Contains("-endpoint", StringComparison.Ordinal) && r["copy"] is not null);
        var parameters = endpoints["properties"]!["parameters"]!;
        Assert.Equal("[variables('storageServices')[copyIndex()]]", (string?)parameters["groupId"]!["value"]);
        Assert.Equal(
            "[format('privatelink.{0}.{1}', variables('storageServices')[copyIndex()], environment().suffixes.storage)]",
            (string?)parameters["dnsZoneName"]!["value"]);
    }

    [Fact]
    public void Search_service_has_a_private_endpoint()
    {
        var parameters = PrivateNetwork.Module("search-endpoint");

        Assert.Equal("searchService", parameters.ResolveText(JsonValue.Create("[parameters('groupId')]")));
        Assert.StartsWith("[format('privatelink.{0}'", parameters.ResolveText(JsonValue.Create("[parameters('dnsZoneName')]")));
    }

    [Fact]
    public void Private_endpoints_register_in_private_dns_zones_linked_to_the_virtual_network()
    {
        var zones = PrivateNetwork.AllResourcesOfType("Microsoft.Network/privateDnsZones").ToArray();
        var links = PrivateNetwork.AllResourcesOfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks").ToArray();
        var groups = PrivateNetwork.AllResourcesOfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups").ToArray();

        // One private-endpoint module is looped (blob, queue, table), one is search's: each declares one of each.
        Assert.Equal(2, zones.Length);
        Assert.Equal(2, links.Length);
        Assert.Equal(2, groups.Length);
        Assert.All(links, l => Assert.False((bool)l.Resource["properties"]!["registrationEnabled"]!));
    }

    [Fact]
    public void App_subnet_is_delegated_to_flex_consumption()
    {
        var (_, network) = PrivateNetwork.SingleResourceOfType("Microsoft.Network/virtualNetworks");
        var app = network["properties"]!["subnets"]!.AsArray().Single(s => (string?)s!["name"] == "[variables('appSubnetName')]")!;

        var delegation = Assert.Single(app["properties"]!["delegations"]!.AsArray());
        Assert.Equal("Microsoft.App/environments", (string?)delegation!["properties"]!["serviceName"]);
    }

    [Fact]
    public void Function_app_integrates_with_the_app_subnet_when_vnet_is_enabled()
    {
        var (template, site) = templates.Main.SingleResourceOfType("Microsoft.Web/sites");

        Assert.Equal(
            "[if(empty(parameters('virtualNetworkSubnetId')), null(), parameters('virtualNetworkSubnetId'))]",
            (string?)site["properties"]!["virtualNetworkSubnetId"]);
        var subnet = template.ResolveText(JsonValue.Create("[parameters('virtualNetworkSubnetId')]"));
        Assert.StartsWith("[if(parameters('vnetEnabled'),", subnet);
        Assert.Contains("'private-network'", subnet);
        Assert.Contains("appSubnetId", subnet);
    }

    [Fact]
    public void No_infra_file_hard_codes_the_public_cloud_storage_suffix()
    {
        var files = Directory.EnumerateFiles(CompiledTemplates.InfraFolder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".bicep" or ".json" or ".sh" or ".ps1");

        Assert.All(files, f => Assert.DoesNotContain("core.windows.net", File.ReadAllText(f), StringComparison.OrdinalIgnoreCase));
    }

    private static JsonObject AzdParameters() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplates.InfraFolder, "main.parameters.json")))!["parameters"]!.AsObject();
}
