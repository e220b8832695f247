namespace Pipeline.Infra.Tests.Templates;

public sealed class MonitoringTests(CompiledTemplates templates)
{
    [Fact]
    public void Application_insights_stores_telemetry_in_the_log_analytics_workspace()
    {
        var (_, insights) = templates.Main.SingleResourceOfType("Microsoft.Insights/components");

        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)insights["properties"]!["WorkspaceResourceId"]);
        Assert.Single(templates.Main.AllResourcesOfType("Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void Application_insights_accepts_only_entra_id_ingestion()
    {
        var (_, insights) = templates.Main.SingleResourceOfType("Microsoft.Insights/components");

        Assert.True((bool)insights["properties"]!["DisableLocalAuth"]!);
    }
}
