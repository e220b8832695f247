using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Infra.Tests.Templates;

namespace Pipeline.Infra.Tests.Azd;

public sealed partial class AzdProjectTests(CompiledTemplates templates)
{
    // azd sets these itself; hooks may read them without main.bicep declaring them as outputs.
    private static readonly string[] AzdProvidedVariables = ["AZURE_ENV_NAME", "AZURE_SUBSCRIPTION_ID", "AZURE_PRINCIPAL_ID"];

    private readonly AzdProject _project = AzdProject.Load();

    [Fact]
    public void Project_is_named_pipeline()
    {
        Assert.Equal("pipeline", _project.Name);
    }

    [Fact]
    public void Api_service_is_the_functions_project_hosted_on_azure_functions()
    {
        var api = _project.Services["api"];

        Assert.Equal("dotnet", api.Language);
        Assert.Equal("function", api.Host);
        Assert.True(
            File.Exists(Path.Combine(_project.FullPath(api.Project), "Pipeline.Functions.csproj")),
            $"azure.yaml points the api service at '{api.Project}', which holds no Pipeline.Functions.csproj.");
    }

    [Fact]
    public void Every_service_has_a_function_app_tagged_with_its_name()
    {
        var tagged = templates.Main.AllResourcesOfType("Microsoft.Web/sites")
            .Select(r => (string?)r.Template.Resolve(r.Resource["tags"])?["azd-service-name"]);

        Assert.Equal(_project.Services.Keys.Order(), tagged.Order());
    }

    [Fact]
    public void Infra_entry_point_is_main_bicep()
    {
        Assert.Equal(
            CompiledTemplates.MainFile,
            Path.Combine(_project.FullPath(_project.InfraPath), $"{_project.InfraModule}.bicep"));
    }

    [Fact]
    public void Postdeploy_hook_runs_on_windows_and_posix()
    {
        var postdeploy = _project.Hooks.Where(h => h.Name == "postdeploy").ToArray();

        Assert.Equal(["posix", "windows"], postdeploy.Select(h => h.Platform).Order());
        Assert.Equal("pwsh", postdeploy.Single(h => h.Platform == "windows").Shell);
        Assert.Equal("sh", postdeploy.Single(h => h.Platform == "posix").Shell);
    }

    [Fact]
    public void Hook_scripts_exist_and_are_executable()
    {
        Assert.NotEmpty(_project.Hooks);
        Assert.All(_project.Hooks, hook =>
        {
            var script = _project.FullPath(hook.Run);
            Assert.True(File.Exists(script), $"Hook '{hook.Name}' ({hook.Platform}) runs '{hook.Run}', which does not exist.");
            if (!OperatingSystem.IsWindows())
            {
                Assert.True(
                    File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute),
                    $"Hook script '{hook.Run}' is not executable; run 'chmod +x' and commit the mode.");
            }
        });
    }

    [Fact]
    public void Hook_scripts_deploy_the_articles_subscription_template()
    {
        Assert.All(_project.Hooks, hook =>
        {
            var script = _project.FullPath(hook.Run);
            Assert.Contains("articles-subscription.bicep", File.ReadAllText(script));
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(script)!, "..", "app", "articles-subscription.bicep")));
        });
    }

    [Fact]
    public void Hook_scripts_read_only_values_that_azd_or_main_bicep_provide()
    {
        Assert.All(_project.Hooks, hook =>
        {
            var read = EnvironmentName().Matches(File.ReadAllText(_project.FullPath(hook.Run))).Select(m => m.Value).Distinct();
            Assert.All(read, name => Assert.True(
                templates.Main.Outputs.ContainsKey(name) || AzdProvidedVariables.Contains(name),
                $"'{hook.Run}' reads {name}, which neither azd nor a main.bicep output provides."));
        });
    }

    [Fact]
    public void Hook_scripts_pass_exactly_the_parameters_the_subscription_template_declares()
    {
        var declared = templates.ArticlesSubscription.ParameterNames;
        var required = templates.ArticlesSubscription.RequiredParameterNames;

        Assert.All(_project.Hooks, hook =>
        {
            var arguments = TemplateParameters().Match(File.ReadAllText(_project.FullPath(hook.Run)));
            Assert.True(arguments.Success, $"'{hook.Run}' passes no --parameters.");
            var passed = arguments.Groups["name"].Captures.Select(c => c.Value).ToArray();
            Assert.Subset(declared.ToHashSet(), passed.ToHashSet());
            Assert.Superset(required.ToHashSet(), passed.ToHashSet());
        });
    }

    [Fact]
    public void Parameters_file_supplies_every_required_main_parameter()
    {
        var supplied = ParametersFile().Select(p => p.Key).ToHashSet();

        Assert.Subset(supplied, templates.Main.RequiredParameterNames.ToHashSet());
    }

    [Fact]
    public void Parameters_file_names_only_declared_main_parameters()
    {
        var declared = templates.Main.ParameterNames.ToHashSet();

        Assert.Subset(declared, ParametersFile().Select(p => p.Key).ToHashSet());
    }

    [Fact]
    public void Parameters_file_grants_the_signed_in_developer()
    {
        Assert.Equal("${AZURE_PRINCIPAL_ID}", (string?)ParametersFile()["principalId"]!["value"]);
    }

    private static JsonObject ParametersFile() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(CompiledTemplates.InfraFolder, "main.parameters.json")))!["parameters"]!.AsObject();

    [GeneratedRegex(@"\b(AZURE|ARTICLES)_[A-Z_]+\b")]
    private static partial Regex EnvironmentName();

    // The name=value pairs after --parameters, up to the next option: name="${X}" (bash) or "name=$($env:X)" (pwsh).
    [GeneratedRegex(@"--parameters(?:[\s\\`]+""?(?<name>\w+)=\S+)+")]
    private static partial Regex TemplateParameters();
}
