using System.Text.Json.Nodes;
using Pipeline.Infra.Tests.Arm;

namespace Pipeline.Infra.Tests.Templates;

public sealed class AccessTests(CompiledTemplates templates)
{
    private const string AppIdentityPrincipal =
        "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('appIdentityName')), '2024-11-30').principalId]";

    private IReadOnlyList<RoleAssignment> Assignments => RoleAssignment.All(templates.Main).ToArray();

    private IEnumerable<RoleAssignment> AppAssignmentsOn(string resourceType) =>
        Assignments.Where(a => a.Principal == AppIdentityPrincipal && a.Scope.Contains($"'{resourceType}'", StringComparison.Ordinal));

    // Developer grants are the conditional ones: they exist only when azd passes a principal id.
    private IEnumerable<RoleAssignment> DeveloperAssignmentsOn(string resourceType) =>
        Assignments.Where(a => a.Condition is not null && a.Scope.Contains($"'{resourceType}'", StringComparison.Ordinal));

    [Fact]
    public void App_identity_owns_blobs_and_uses_queues_and_tables_of_the_storage_account()
    {
        AssertRoles(
            [BuiltInRoles.StorageBlobDataOwner, BuiltInRoles.StorageQueueDataContributor, BuiltInRoles.StorageTableDataContributor],
            AppAssignmentsOn("Microsoft.Storage/storageAccounts"));
    }

    [Fact]
    public void Role_assignment_names_derive_from_values_known_when_the_deployment_starts()
    {
        // A name built from the identity's principal id would only be known once the identity exists.
        var names = templates.Main.AllResourcesOfType("Microsoft.Authorization/roleAssignments").Select(r => (string)r.Resource["name"]!);

        Assert.All(names, name => Assert.DoesNotContain("principalId", name, StringComparison.Ordinal));
    }

    [Fact]
    public void App_identity_writes_documents_and_manages_the_index_of_the_search_service()
    {
        AssertRoles(
            [BuiltInRoles.SearchIndexDataContributor, BuiltInRoles.SearchServiceContributor],
            AppAssignmentsOn("Microsoft.Search/searchServices"));
    }

    [Fact]
    public void App_identity_publishes_telemetry_to_application_insights()
    {
        var assignment = Assert.Single(AppAssignmentsOn("Microsoft.Insights/components"));

        Assert.Equal(BuiltInRoles.MonitoringMetricsPublisher, assignment.RoleDefinitionId);
    }

    [Fact]
    public void App_identity_is_granted_as_a_service_principal_unconditionally()
    {
        var app = Assignments.Where(a => a.Principal == AppIdentityPrincipal).ToArray();

        Assert.Equal(6, app.Length);
        Assert.All(app, a => Assert.Equal("ServicePrincipal", a.PrincipalType));
        Assert.All(app, a => Assert.Null(a.Condition));
    }

    [Fact]
    public void Developer_can_upload_and_read_blobs()
    {
        var assignment = Assert.Single(DeveloperAssignmentsOn("Microsoft.Storage/storageAccounts"));

        Assert.Equal(BuiltInRoles.StorageBlobDataContributor, assignment.RoleDefinitionId);
    }

    [Fact]
    public void Developer_can_query_and_rebuild_the_index()
    {
        AssertRoles(
            [BuiltInRoles.SearchIndexDataContributor, BuiltInRoles.SearchServiceContributor],
            DeveloperAssignmentsOn("Microsoft.Search/searchServices"));
    }

    [Fact]
    public void Developer_is_granted_only_when_a_principal_id_is_given()
    {
        var access = templates.Main.Module("access");

        Assert.Equal(3, Assignments.Count(a => a.Condition is not null));
        Assert.All(Assignments.Where(a => a.Condition is not null), a => Assert.Equal("[variables('grantDeveloper')]", a.Condition));
        Assert.Equal("[not(empty(parameters('developerPrincipalId')))]", access.ResolveText(JsonValue.Create("[variables('grantDeveloper')]")));
    }

    [Fact]
    public void Developer_principal_defaults_to_nobody()
    {
        Assert.Equal("", templates.Main.Module("access").ResolveText(JsonValue.Create("[parameters('developerPrincipalId')]")));
    }

    [Fact]
    public void Every_role_is_scoped_to_one_resource_not_the_resource_group()
    {
        Assert.All(Assignments, a => Assert.StartsWith("[resourceId(", a.Scope));
    }

    private static void AssertRoles(string[] expected, IEnumerable<RoleAssignment> actual) =>
        Assert.Equal(expected.Order(), actual.Select(a => a.RoleDefinitionId).Order());
}
