using System.Text.RegularExpressions;
using Pipeline.Testing;

namespace Pipeline.Infra.Tests.Templates;

/// <summary>azd stores main.bicep's outputs in the environment; hooks and developers read them from there.</summary>
public sealed class OutputsTests(CompiledTemplates templates)
{
    [Theory]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_TENANT_ID")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("AZURE_FUNCTION_APP_NAME")]
    [InlineData("SERVICE_API_URI")]
    [InlineData("AZURE_STORAGE_ACCOUNT_NAME")]
    [InlineData("AZURE_STORAGE_BLOB_ENDPOINT")]
    [InlineData("AZURE_SEARCH_ENDPOINT")]
    [InlineData("AZURE_SEARCH_INDEX_NAME")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    public void Outputs_the_environment_value(string name)
    {
        Assert.Contains(name, templates.Main.Outputs.Keys);
    }

    [Fact]
    public void Articles_container_output_is_the_container_the_trigger_watches()
    {
        Assert.Equal("articles", templates.Main.ResolveText(templates.Main.Outputs["ARTICLES_CONTAINER_NAME"]));
    }

    [Fact]
    public void Trigger_function_output_names_the_event_grid_blob_trigger_of_the_functions_project()
    {
        var name = templates.Main.ResolveText(templates.Main.Outputs["ARTICLES_TRIGGER_FUNCTION_NAME"]);
        var functionsProject = Path.Combine(TestData.RepositoryRoot, "src", "Pipeline.Functions");

        var triggers = Directory.EnumerateFiles(functionsProject, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Where(source => source.Contains("BlobTriggerSource.EventGrid", StringComparison.Ordinal))
            .ToArray();

        var trigger = Assert.Single(triggers);
        Assert.Matches($"\"{Regex.Escape(name!)}\"", trigger);
    }

    [Fact]
    public void Outputs_carry_no_secrets()
    {
        Assert.All(templates.Main.Outputs, output =>
            Assert.DoesNotContain("listKeys(", output.Value?.ToJsonString() ?? "", StringComparison.OrdinalIgnoreCase));
    }
}
