using System.Text.Json.Nodes;
using System.Xml.Linq;
using Pipeline.Infra.Tests.Arm;
using Pipeline.Testing;

namespace Pipeline.Infra.Tests.Templates;

public sealed class FunctionAppTests(CompiledTemplates templates)
{
    private (ArmTemplate Template, JsonObject Resource) Site => templates.Main.SingleResourceOfType("Microsoft.Web/sites");

    private JsonNode Properties => Site.Resource["properties"]!;

    [Fact]
    public void Runs_on_a_flex_consumption_plan()
    {
        var (_, plan) = templates.Main.SingleResourceOfType("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!, "Flex Consumption plans are Linux plans (reserved: true).");
    }

    [Fact]
    public void Is_a_linux_function_app_on_that_plan()
    {
        Assert.Equal("functionapp,linux", (string?)Site.Resource["kind"]);
        Assert.Contains("Microsoft.Web/serverfarms", (string?)Properties["serverFarmId"]);
    }

    [Fact]
    public void Runs_the_isolated_worker_on_dotnet_10()
    {
        var runtime = Properties["functionAppConfig"]!["runtime"]!;

        Assert.Equal("dotnet-isolated", Site.Template.ResolveText(runtime["name"]));
        Assert.Equal("10.0", Site.Template.ResolveText(runtime["version"]));
    }

    [Fact]
    public void Runtime_version_is_pinned_to_the_target_framework_of_the_functions_project()
    {
        var props = XDocument.Load(Path.Combine(TestData.RepositoryRoot, "Directory.Build.props"));
        var targetFramework = props.Descendants("TargetFramework").Single().Value;
        var version = Site.Template.ResolveText(Properties["functionAppConfig"]!["runtime"]!["version"]);

        Assert.Equal($"net{version}", targetFramework);
        Assert.DoesNotContain("dotnetVersion", templates.Main.ParameterNames);
    }

    [Fact]
    public void Runs_as_the_user_assigned_identity_only()
    {
        var identity = Site.Resource["identity"]!;

        Assert.Equal("UserAssigned", (string?)identity["type"]);
        var assigned = Assert.Single(identity["userAssignedIdentities"]!.AsObject());
        Assert.Contains("parameters('identityId')", assigned.Key);
        Assert.StartsWith(
            "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities'",
            Site.Template.ResolveText(JsonValue.Create("[parameters('identityId')]")));
    }

    [Fact]
    public void Deploys_its_package_from_a_blob_container_with_the_user_assigned_identity()
    {
        var storage = Properties["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)storage["authentication"]!["userAssignedIdentityResourceId"]);
    }

    [Fact]
    public void Is_tagged_as_the_azd_api_service_of_the_environment()
    {
        var tags = Site.Template.Resolve(Site.Resource["tags"])!.AsObject();

        Assert.Equal("api", (string?)tags["azd-service-name"]);
        Assert.Equal("[parameters('environmentName')]", (string?)tags["azd-env-name"]);
    }

    [Fact]
    public void Accepts_https_only()
    {
        Assert.True((bool)Properties["httpsOnly"]!);
        Assert.Equal("1.2", (string?)Properties["siteConfig"]!["minTlsVersion"]);
    }

    [Fact]
    public void Disables_basic_authentication_for_publishing()
    {
        var policies = templates.Main.AllResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToArray();

        Assert.Equal(2, policies.Length);
        Assert.All(policies, p => Assert.False((bool)p.Resource["properties"]!["allow"]!));
    }
}
