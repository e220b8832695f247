using System.Text.Json.Nodes;
using Pipeline.Infra.Tests.Arm;

namespace Pipeline.Infra.Tests.Templates;

public sealed class StorageTests(CompiledTemplates templates)
{
    private (ArmTemplate Template, JsonObject Resource) Account => templates.Main.SingleResourceOfType("Microsoft.Storage/storageAccounts");

    // The containers are one looped resource: its copy count is "[length(<the names>)]".
    private IReadOnlyList<string> ContainerNames
    {
        get
        {
            var (template, containers) = templates.Main.SingleResourceOfType("Microsoft.Storage/storageAccounts/blobServices/containers");
            var count = (string)containers["copy"]!["count"]!;
            Assert.StartsWith("[length(", count);
            var names = template.Resolve(JsonValue.Create($"[{count["[length(".Length..^")]".Length]}]"));
            return Assert.IsType<JsonArray>(names).Select(n => (string)n!).ToArray();
        }
    }

    [Fact]
    public void Account_accepts_only_entra_id_requests()
    {
        var properties = Account.Resource["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);
    }

    [Fact]
    public void Account_allows_no_anonymous_blob_access_and_only_tls_1_2()
    {
        var properties = Account.Resource["properties"]!;

        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
    }

    [Theory]
    [InlineData("articles")]
    [InlineData("normalized")]
    [InlineData("rejected")]
    public void Account_has_the_pipeline_container(string container)
    {
        Assert.Contains(container, ContainerNames);
    }

    [Fact]
    public void Account_has_the_container_the_function_app_deploys_from()
    {
        var api = templates.Main.Module("api");

        Assert.Contains(api.ResolveText(JsonValue.Create("[parameters('deploymentContainerName')]")), ContainerNames);
    }

    [Fact]
    public void Containers_are_private()
    {
        var (_, containers) = templates.Main.SingleResourceOfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("None", (string?)containers["properties"]!["publicAccess"]);
    }
}
