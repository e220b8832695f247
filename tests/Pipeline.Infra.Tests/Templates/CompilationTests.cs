namespace Pipeline.Infra.Tests.Templates;

public sealed class CompilationTests(CompiledTemplates templates)
{
    [Fact]
    public void Main_template_compiles_without_errors_or_warnings()
    {
        Assert.True(templates.MainBuild.IsClean, templates.MainBuild.Describe());
    }

    [Fact]
    public void Articles_subscription_template_compiles_without_errors_or_warnings()
    {
        Assert.True(templates.ArticlesSubscriptionBuild.IsClean, templates.ArticlesSubscriptionBuild.Describe());
    }

    [Fact]
    public void Main_template_deploys_at_subscription_scope()
    {
        Assert.Contains("subscriptionDeploymentTemplate.json", templates.Main.Schema);
    }

    [Fact]
    public void Articles_subscription_template_deploys_into_the_resource_group()
    {
        Assert.Contains("/deploymentTemplate.json", templates.ArticlesSubscription.Schema);
    }
}
